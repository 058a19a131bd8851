package org.mailsnap.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A file in Prometheus' text exposition format (version 0.0.4) for node_exporter's textfile collector: one
 * {@code # HELP}, one {@code # TYPE ... gauge} and one sample line per metric, no labels, no timestamps.
 *
 * <p>Written atomically: the text goes to a temporary file beside the target (named so that the collector, which
 * reads only {@code *.prom}, ignores it), is forced to disk, and is renamed over the target; a scrape sees the old
 * file or the new one, never half of one.
 */
final class MetricsFile {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** One gauge: name, one-line help, value. */
    record Gauge(String name, String help, double value) {
        Gauge {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a Prometheus metric name: " + name);
            }
            if (help.contains("\n") || help.contains("\\")) {
                throw new IllegalArgumentException("help of " + name + " must be one line without backslashes");
            }
        }
    }

    private MetricsFile() {}

    static String render(Collection<Gauge> gauges) {
        StringBuilder text = new StringBuilder();
        for (Gauge g : gauges) {
            text.append("# HELP ").append(g.name()).append(' ').append(g.help()).append('\n');
            text.append("# TYPE ").append(g.name()).append(" gauge\n");
            text.append(g.name()).append(' ').append(number(g.value())).append('\n');
        }
        return text.toString();
    }

    /** Integers without a fraction (counts and seconds since the epoch read better so), others as Java prints them. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static void write(Path target, Collection<Gauge> gauges) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling(
                "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(render(gauges).getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The value of the sample {@code name} in the file at {@code path}, if the file and the sample exist. */
    static OptionalDouble read(Path path, String name) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty(); // unreadable or not text: as if there were no earlier run
        }
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && fields[0].equals(name)) {
                try {
                    return OptionalDouble.of(Double.parseDouble(fields[1]));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.empty();
    }
}
