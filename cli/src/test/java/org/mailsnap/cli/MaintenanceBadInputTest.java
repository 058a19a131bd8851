package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/**
 * Bad input to every maintenance command: each of forget, prune, check, repair, unlock and stats meets a repository
 * with one thing wrong (a corrupt pack, index, snapshot, key or lock object, a truncated pack, a read-only
 * repository, a full disk). Whatever the command, it answers with the documented exit code of the table below, at
 * most one error line ({@code mailsnap: …}) that names the object (or the file system's refusal), never a stack
 * trace; it never deletes or changes the object it could not read, and when it fails it has deleted nothing. The
 * repository is a copy of one made once (four hourly snapshots, the first already forgotten and holding a message of
 * its own, so that prune has a pack to rewrite), with its catalog.
 */
class MaintenanceBadInputTest {
    @TempDir
    static Path template;

    @TempDir
    Path tmp;

    @SuppressWarnings("ImmutableEnumChecker") // List.of is immutable; the check knows only Guava's types
    enum Command {
        FORGET("forget", "--keep-last", "2"),
        PRUNE("prune", "--max-unused", "0%"),
        CHECK("check", "--read-data"),
        CHECK_WITHOUT_LOCK("check", "--read-data", "--no-lock"),
        REPAIR("repair"),
        UNLOCK("unlock"),
        STATS("stats");

        final List<String> args;

        Command(String... args) {
            this.args = List.of(args);
        }
    }

    /**
     * The damage, and the exit code each command answers it with (in {@link Command} order): 0 where the command
     * does not need what is damaged (forget reads no pack; repair rebuilds indexes from pack headers, a flipped blob
     * needs check --read-data; unlock keeps a lock it cannot read), 12 for a key file (a damaged key file and a wrong
     * password look alike to the AEAD), 11 for an unreadable lock (it may be a live one).
     */
    @SuppressWarnings("ImmutableEnumChecker") // List.of is immutable; the check knows only Guava's types
    enum Damage {
        CORRUPT_PACK(0, 1, 1, 1, 0, 0, 0),
        CORRUPT_INDEX(0, 1, 1, 1, 0, 0, 0),
        CORRUPT_SNAPSHOT(3, 1, 1, 1, 3, 0, 3),
        CORRUPT_KEY(12, 12, 12, 12, 12, 12, 12),
        CORRUPT_LOCK(0, 11, 0, 0, 11, 0, 0),
        TRUNCATED_PACK(0, 1, 1, 1, 3, 0, 0),
        READ_ONLY(1, 1, 1, 0, 1, 0, 0),
        FULL_DISK(0, 1, 0, 0, 0, 0, 0);

        final List<Integer> codes;

        Damage(Integer... codes) {
            this.codes = List.of(codes);
        }
    }

    @BeforeAll
    static void makeTemplate() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MaintenanceBadInputTest seed " + seed);
        Path store = template.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(20)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
        Map<String, String> env = environment(template);
        assertEquals(0, CliRun.of(env, "init").code());
        // a message only the first snapshot holds, so that after the first is forgotten prune has a pack to rewrite
        Path inbox;
        try (var paths = Files.walk(store)) {
            inbox = paths.filter(p -> p.getFileName().toString().equals("cur"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        Path only = inbox.resolve("1700000099.M99P99.badinput:2,S");
        StringBuilder text = new StringBuilder("Subject: only in the first snapshot\r\n\r\n");
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 200_000; i++) {
            text.append(i % 76 == 75 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        Files.writeString(only, text);
        for (int hour = 0; hour < 4; hour++) {
            if (hour == 1) {
                Files.delete(only);
            }
            if (hour > 0) {
                new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + hour)).simulateHour(store);
            }
            CliRun backup = CliRun.of(env, "backup", "--lock", "none", store.toString());
            assertEquals(0, backup.code(), backup.err());
        }
        CliRun forget = CliRun.of(env, "forget", "--keep-last", "3");
        assertEquals(0, forget.code(), forget.err());
    }

    private static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>(CliRun.repositoryIn(dir, "correct horse"));
        env.put("MAILSNAP_TZ", "UTC");
        return env;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void everyMaintenanceCommandNamesTheDamageInOneLineAndDeletesNothingItCouldNotRead(Damage damage) throws Exception {
        if (damage == Damage.READ_ONLY || damage == Damage.FULL_DISK) {
            Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
        }
        List<String> failures = new ArrayList<>();
        for (Command command : Command.values()) {
            Path dir = tmp.resolve(command.name());
            copy(template.resolve("repo"), dir.resolve("repo"));
            copy(template.resolve("catalog"), dir.resolve("catalog"));
            try (Damaged d = damage(damage, dir.resolve("repo"))) {
                Map<String, byte[]> before = contents(dir.resolve("repo"));
                CliRun run = CliRun.of(environment(dir), command.args.toArray(String[]::new));
                String said = "$ mailsnap " + String.join(" ", command.args) + " with " + damage + " -> " + run.code()
                        + "\n" + run.out() + run.err();
                System.out.println(said);
                @SuppressWarnings("EnumOrdinal") // the table above lists the codes in Command order
                int expected = damage.codes.get(command.ordinal());
                if (run.code() != expected) {
                    failures.add("exit " + run.code() + ", expected " + expected + ": " + said);
                }
                String all = run.out() + run.err();
                if (all.contains("\tat ")
                        || all.matches("(?s).*(Exception|Error)(:|\\n|$).*")
                        || all.contains("java.")) {
                    failures.add("a stack trace or a Java class name: " + said);
                }
                long errors = run.err()
                        .lines()
                        .filter(l -> l.startsWith("mailsnap:") && !l.startsWith("mailsnap: warning:"))
                        .count();
                if (errors > 1) {
                    failures.add(errors + " error lines: " + said);
                }
                if (run.code() != 0 && !d.namedIn(all)) {
                    failures.add("the damage (" + d.names + ") is not named: " + said);
                }
                if (run.code() != 0 && run.code() != 3) {
                    Path real = dir.resolve("repo").toRealPath();
                    for (String name : before.keySet()) {
                        if (!Files.exists(real.resolve(name))) {
                            failures.add("failed, yet deleted " + name + ": " + said);
                        }
                    }
                }
                if (d.object != null) {
                    Path object = dir.resolve("repo").resolve(d.object);
                    if (!Files.exists(object) || !Arrays.equals(before.get(d.object), Files.readAllBytes(object))) {
                        failures.add(d.object + " was deleted or changed though it could not be read: " + said);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /** A damage made to a repository; closing it takes away what needs taking away (a mount). */
    private static final class Damaged implements AutoCloseable {
        /** The object made unreadable (relative to the repository), or null when the whole repository is. */
        final String object;
        /** Any of these in the output names the damage. */
        final List<String> names;

        final Path mount;

        Damaged(String object, List<String> names, Path mount) {
            this.object = object;
            this.names = names;
            this.mount = mount;
        }

        boolean namedIn(String output) {
            return names.stream().anyMatch(output::contains);
        }

        @Override
        public void close() throws Exception {
            if (mount != null) {
                run("umount", "-l", mount.toString());
            }
        }
    }

    private Damaged damage(Damage damage, Path repo) throws Exception {
        switch (damage) {
            case CORRUPT_PACK:
                return flipInLargest(repo, "data", 3);
            case TRUNCATED_PACK: {
                Path pack = largest(repo.resolve("data"));
                byte[] bytes = Files.readAllBytes(pack);
                Files.write(pack, Arrays.copyOf(bytes, bytes.length - 40));
                return object(repo, pack);
            }
            case CORRUPT_INDEX:
                return flipInLargest(repo, "index", 2);
            case CORRUPT_SNAPSHOT:
                return flipInLargest(repo, "snapshots", 2);
            case CORRUPT_KEY:
                return flipInLargest(repo, "keys", 2);
            case CORRUPT_LOCK: {
                Files.createDirectories(repo.resolve("locks"));
                Path lock = repo.resolve("locks").resolve("ab".repeat(32));
                Files.write(lock, "not a lock".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return object(repo, lock);
            }
            case READ_ONLY: {
                run("mount", "--bind", repo.toString(), repo.toString());
                run("mount", "-o", "remount,bind,ro", repo.toString());
                return new Damaged(null, List.of("read-only", "Read-only"), repo);
            }
            case FULL_DISK: {
                Path full = repo.resolveSibling("full");
                Files.createDirectories(full);
                run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", full.toString());
                copy(repo, full.resolve("repo"));
                deleteTree(repo);
                Files.createSymbolicLink(repo, full.resolve("repo"));
                FullDisk.fill(full.resolve("filler"), 3); // room for a lock, not for a pack
                return new Damaged(null, List.of("disk is full"), full);
            }
            default:
                throw new AssertionError(damage);
        }
    }

    /** A bit flipped in the largest object of {@code dir}, at {@code 1/divisor} of its length. */
    private static Damaged flipInLargest(Path repo, String dir, int divisor) throws IOException {
        Path object = largest(repo.resolve(dir));
        flip(object, Files.size(object) / divisor);
        return object(repo, object);
    }

    private static Damaged object(Path repo, Path file) {
        String relative = repo.relativize(file).toString();
        String id = file.getFileName().toString();
        return new Damaged(relative, List.of(id.substring(0, 8), relative), null);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    private static Path largest(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow(() -> new AssertionError("nothing in " + dir));
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }

    private static Map<String, byte[]> contents(Path repo) throws IOException {
        Map<String, byte[]> result = new TreeMap<>();
        try (var files = Files.walk(repo.toRealPath())) {
            Path real = repo.toRealPath();
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                result.put(real.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return result;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
