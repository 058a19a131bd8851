package org.mailsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a run measured, read from {@code /proc}: processors available to the runner, total memory, the CPU
 * model, the kernel release, and the load average when the run began (other work on a shared machine skews
 * timings). Unknown values (another OS) are {@code "unknown"} or -1.
 */
record Machine(int processors, long memoryBytes, String cpuModel, String kernel, String loadAverage) {

    static Machine current() {
        String[] load = firstLine(Path.of("/proc/loadavg")).split(" ");
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                readCpuModel(),
                firstLine(Path.of("/proc/sys/kernel/osrelease")),
                load.length >= 3 ? String.join(" ", load[0], load[1], load[2]) : "unknown");
    }

    private static long memTotal() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String kb =
                        line.substring("MemTotal:".length()).replace("kB", "").strip();
                return Long.parseLong(kb) * 1024;
            }
        }
        return -1;
    }

    private static String readCpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String firstLine(Path file) {
        String[] lines = lines(file);
        return lines.length == 0 ? "unknown" : lines[0].strip();
    }

    private static String[] lines(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            return new String[0];
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d processors (%s), %.1f GiB memory, Linux %s, load average %s at the " + "start",
                processors,
                cpuModel,
                memoryBytes / (double) (1L << 30),
                kernel,
                loadAverage);
    }
}
