package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contrib/: the systemd units are valid for systemd and their mailsnap command lines parse. */
class ContribTest {
    static final Path CONTRIB = Path.of("..", "contrib").toAbsolutePath().normalize();
    static final String INSTALLED = "/opt/mailsnap/bin/mailsnap";

    @TempDir
    Path tmp;

    /**
     * Every mailsnap command line in contrib/ (both services, the cron file, commented or not) parses: an option a
     * command does not have (the maintenance unit once gave forget a --metrics-file) fails here, not on the first
     * night. The shell's day-of-year arithmetic stands for a part such as 1/24.
     */
    @Test
    void everyMailsnapCommandLineInContribParses() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(
                CONTRIB.resolve("systemd/mailsnap-backup.service"),
                CONTRIB.resolve("systemd/mailsnap-maintenance.service"),
                CONTRIB.resolve("cron.d/mailsnap"))) {
            lines.addAll(Files.readAllLines(file));
        }
        int parsed = 0;
        for (String line : lines) {
            for (String part : line.split("&&")) {
                int at = part.indexOf(INSTALLED + " ");
                if (at < 0 || line.strip().startsWith("Documentation=")) {
                    continue;
                }
                String command = part.substring(at + INSTALLED.length() + 1)
                        .replaceAll("\"\\$+\\(\\(.*\\)\\)/24\"", "1/24")
                        .replaceAll("\\s*(>>.*|'\\s*)$", "")
                        .strip();
                String[] args = command.split("\\s+");
                Environment env = new Environment(
                        Map.of("MAILSNAP_CONFIG", "/dev/null"),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()));
                Main.commandLine(env, args).parseArgs(args); // throws on an unknown option
                parsed++;
            }
        }
        assertEquals(6, parsed, "backup, forget and check in the units, the same three in the cron file");
    }

    @Test
    void systemdAcceptsTheUnits() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // verify wants ExecStart's program to exist: point it at this checkout's launcher.
        Path launcher = Path.of("..", "bin", "mailsnap").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        try (var units = Files.list(CONTRIB.resolve("systemd"))) {
            for (Path unit : units.sorted().toList()) {
                Path copy = tmp.resolve(unit.getFileName());
                Files.writeString(copy, Files.readString(unit).replace(INSTALLED, launcher.toString()));
                command.add(copy.toString());
            }
        }
        assertEquals(4 + 3, command.size(), "two services and two timers");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "no warnings");
    }
}
