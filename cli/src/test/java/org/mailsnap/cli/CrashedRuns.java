package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs of the CLI as child processes for crash tests, on a <i>state</i> directory (the repository in {@code repo/},
 * the catalog in {@code catalog/}): counted (every write of the repository named, {@code MAILSNAP_CRASH_AT=count}),
 * run to the end, or stopped at one write and killed there with {@code SIGKILL}. The crash point is found by the
 * line the child prints on stderr (a pipe), never by time.
 */
final class CrashedRuns {
    private static final Pattern REACHED = Pattern.compile("mailsnap: crash point (\\d+\\+?) reached: (.*)");
    private static final Pattern NAMED = Pattern.compile("mailsnap: crash point (\\d+) is: (.*)");
    private static final Pattern COUNTED = Pattern.compile("mailsnap: crash points: (\\d+) writes");

    private CrashedRuns() {}

    /** A child run that ended by itself. */
    record Child(int code, String err) {}

    /**
     * One write of a counted run, numbered from 1: {@code put data/…}, {@code delete index/…}.
     *
     * @param operation {@code put} or {@code delete}
     * @param directory the object's top directory ({@code locks}, {@code data}, {@code index}, {@code snapshots})
     */
    record Write(int number, String operation, String directory) {
        /** The same kind of write: the same operation on the same directory (one step of a run). */
        boolean sameStep(Write other) {
            return operation.equals(other.operation) && directory.equals(other.directory);
        }
    }

    /** Runs {@code args} to the end, counting its writes; returns them in order. */
    static List<Write> count(Path state, List<String> args) throws Exception {
        Child counting = run(state, "count", args);
        assertEquals(0, counting.code, counting.err);
        Matcher counted = COUNTED.matcher(counting.err);
        assertTrue(counted.find(), counting.err);
        List<Write> writes = new ArrayList<>();
        Matcher named = NAMED.matcher(counting.err);
        while (named.find()) {
            String[] what = named.group(2).split(" ", 2);
            writes.add(new Write(Integer.parseInt(named.group(1)), what[0], what[1].split("/", 2)[0]));
        }
        assertEquals(Integer.parseInt(counted.group(1)), writes.size(), counting.err);
        return writes;
    }

    /**
     * The points between the steps of a run: after the first, the last but one and the last write of each run of
     * writes of one kind (so a step interrupted in its middle and a step just complete are both met), and never
     * after the run's last write (that is a finished run). Returned as {@code N+} crash points.
     */
    static List<String> stepBoundaries(List<Write> writes) {
        TreeSet<Integer> after = new TreeSet<>();
        for (int first = 0; first < writes.size(); ) {
            int last = first;
            while (last + 1 < writes.size() && writes.get(last + 1).sameStep(writes.get(first))) {
                last++;
            }
            after.add(writes.get(first).number());
            after.add(writes.get(last).number() - 1);
            after.add(writes.get(last).number());
            first = last + 1;
        }
        List<String> points = new ArrayList<>();
        for (int n : after) {
            if (n >= 1 && n < writes.size()) {
                points.add(n + "+");
            }
        }
        return points;
    }

    /** Runs {@code args} to the end ({@code crashAt} null: no crash point). */
    static Child run(Path state, String crashAt, List<String> args) throws Exception {
        Process p = start(state, crashAt, args);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), err);
    }

    /**
     * Starts {@code args}, waits until it reports being stopped at {@code point}, and kills it with SIGKILL.
     *
     * @return the write it was stopped at ({@code put data/…})
     */
    static String killAt(Path state, String point, List<String> args) throws Exception {
        Process p = start(state, point, args);
        String reached = null;
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                Reaper reaper = new Reaper(p)) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.append(line).append('\n');
                Matcher m = REACHED.matcher(line);
                if (m.matches()) {
                    assertEquals(point, m.group(1));
                    reached = m.group(2);
                    break;
                }
            }
            if (reached == null) {
                fail("the run ended (exit " + p.waitFor() + ") before crash point " + point + ": " + err);
            }
            p.destroyForcibly(); // SIGKILL on Linux
            assertEquals(137, p.waitFor(), "killed by SIGKILL");
        }
        return reached;
    }

    /** Kills the child whatever happens in the test, so a failed assertion never leaves it waiting at its point. */
    private record Reaper(Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static Process start(Path state, String crashAt, List<String> args) throws IOException {
        List<String> command =
                ChildJvm.mailsnap(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), args.toArray(String[]::new));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(environment(state));
        if (crashAt != null) {
            pb.environment().put("MAILSNAP_CRASH_AT", crashAt);
        }
        return pb.start();
    }

    /** The CLI in this process, on {@code state}. */
    static CliRun inProcess(Path state, String... args) {
        return CliRun.of(environment(state), args);
    }

    static Map<String, String> environment(Path state) {
        Map<String, String> env = new HashMap<>(CliRun.repositoryIn(state, "kill me softly"));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    static NavigableSet<String> snapshotIds(Path state) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        Path dir = state.resolve("repo").resolve("snapshots");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> !n.startsWith("."))
                        .forEach(ids::add);
            }
        }
        return ids;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Directory mtimes an hour old, so the next run's listing sees what changed and not the same-second race. */
    static void ageDirectories(Path root) throws IOException {
        java.nio.file.attribute.FileTime hourAgo =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setLastModifiedTime(d, hourAgo);
            }
        }
    }
}
