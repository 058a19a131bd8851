package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/** The CLI called in-process, as an operator or a script would call it: exit codes, stdout, stderr. */
class CliTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void repository() {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_CONFIG", "/dev/null"); // not the machine's /etc/mailsnap/mailsnap.conf
    }

    /**
     * With the password on the machine, init writes the unlock cache the first backup would write after deriving the
     * key, so that run does not derive it again. Proof that a later run uses it: with the key file's bytes damaged
     * (the file still there, as the cache requires), only the cache can unlock the repository.
     */
    @Test
    void initWritesTheUnlockCacheSoTheFirstRunNeedsNoKeyDerivation() throws Exception {
        env.put("MAILSNAP_UNLOCK_CACHE", "0");
        assertEquals(0, run("init").code());
        Path cache = tmp.resolve("catalog.unlock");
        assertFalse(Files.exists(cache), "MAILSNAP_UNLOCK_CACHE=0: no cache");

        env.remove("MAILSNAP_UNLOCK_CACHE");
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo2").toString());
        CliRun init = run("init");
        assertEquals(0, init.code(), init.err());
        assertEquals("", init.err());
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        try (var keys = Files.list(tmp.resolve("repo2/keys"))) {
            for (Path key : keys.toList()) {
                byte[] bytes = Files.readAllBytes(key);
                bytes[bytes.length - 1] ^= 1;
                Files.write(key, bytes);
            }
        }
        CliRun snapshots = run("snapshots");
        assertEquals(0, snapshots.code(), snapshots.err());
        env.put("MAILSNAP_UNLOCK_CACHE", "0");
        assertNotEquals(0, run("snapshots").code(), "without the cache the damaged key file cannot unlock it");
    }

    @Test
    void initThenKeysThenWrongPassword() {
        CliRun init = run("init");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("created repository"));

        CliRun again = run("init");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        CliRun list = run("key", "list");
        assertEquals(0, list.code(), list.err());
        assertEquals(2, list.out().lines().count(), "header and one key: " + list.out());

        env.put("MAILSNAP_NEW_PASSWORD", "second");
        assertEquals(0, run("key", "add").code());
        env.put("MAILSNAP_PASSWORD", "second");
        CliRun withSecond = run("key", "list");
        assertEquals(0, withSecond.code());
        assertEquals(3, withSecond.out().lines().count());

        env.put("MAILSNAP_PASSWORD", "wrong");
        CliRun wrong = run("key", "list");
        assertEquals(12, wrong.code());
        assertEquals(1, wrong.err().lines().count(), "one line: " + wrong.err());
        assertTrue(wrong.err().startsWith("mailsnap: "), wrong.err());
    }

    @Test
    void missingRepositoryAndUsageErrorsHaveTheirCodes() {
        assertEquals(10, run("snapshots").code());
        env.remove("MAILSNAP_REPOSITORY");
        assertEquals(2, run("snapshots").code());
        assertEquals(2, run("backup").code(), "STORE is required");
        assertEquals(2, run("no-such-command").code());
        for (String command : new String[] {"restore", "backup", "init", "key", "catalog"}) {
            CliRun usage = run(command, "--help");
            assertEquals(0, usage.code(), command + " --help: " + usage.err());
            assertTrue(usage.out().contains("Usage: mailsnap " + command), usage.out());
        }
        CliRun help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("12  wrong password"), help.out());
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        Environment environment =
                new Environment(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(
                java.util.List.of("restore"),
                java.util.List.copyOf(Main.commandLine(environment, new String[] {"restore", "--help"})
                        .getSubcommands()
                        .keySet()));
        java.util.List<String> all = java.util.List.of(
                "init",
                "key",
                "backup",
                "snapshots",
                "ls",
                "diff",
                "restore",
                "find",
                "dump",
                "forget",
                "prune",
                "unlock",
                "catalog",
                "check",
                "repair",
                "stats",
                "config",
                "completion",
                "demo");
        for (String[] args : new String[][] {{}, {"--help"}, {"restor"}, {"--version"}}) {
            assertEquals(
                    all,
                    java.util.List.copyOf(
                            Main.commandLine(environment, args).getSubcommands().keySet()),
                    String.join(" ", args));
        }

        CliRun restoreUsage = run("restore");
        assertEquals(2, restoreUsage.code());
        assertTrue(restoreUsage.err().contains("Try 'mailsnap restore --help'"), restoreUsage.err());
        CliRun typo = run("restor");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("restore"), "suggests the subcommands: " + typo.err());
        CliRun help = run("--help");
        for (String name : all) {
            assertTrue(help.out().contains("  " + name + " "), name + " in " + help.out());
        }
    }

    @Test
    void backupListDiffRestoreRoundTrip() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CliTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
        String mailbox;
        try (var dirs = Files.list(store)) {
            Path domain = dirs.sorted().findFirst().orElseThrow();
            try (var users = Files.list(domain)) {
                mailbox = store.relativize(users.sorted().findFirst().orElseThrow())
                        .toString();
            }
        }
        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
        StoreTree before = StoreTree.capture(store.resolve(mailbox), exact);
        assertEquals(0, run("init").code());
        CliRun first = run("backup", "--lock", "none", "--json", store.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("{\"snapshot\":\""), first.out());
        String firstId = first.out().substring(13, 13 + 64);

        new ChurnSimulator(ChurnSpec.defaults().withSeed(seed)).simulateHour(store);
        CliRun second = run("backup", "--lock", "none", store.toString());
        assertEquals(0, second.code(), second.err());

        CliRun snapshots = run("snapshots");
        assertTrue(snapshots.out().contains("2 snapshots"), snapshots.out());
        CliRun ls = run("ls", "latest", "--mailbox", mailbox);
        assertEquals(0, ls.code(), ls.err());
        assertTrue(ls.out().contains("INBOX"));
        CliRun diff = run("diff", firstId.substring(0, 8), "latest");
        assertEquals(0, diff.code(), diff.err());
        assertTrue(diff.out().contains("flags changed"), diff.out());

        Path target = tmp.resolve("restored");
        CliRun restore = run(
                "restore", "--snapshot", firstId.substring(0, 10), "--mailbox", mailbox, "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(java.util.List.of(), before.diff(StoreTree.capture(target, exact)));

        CliRun notEmpty = run("restore", "--at", "now", "--mailbox", mailbox, "--target", target.toString());
        assertEquals(1, notEmpty.code());
        assertTrue(notEmpty.err().contains("not empty"), notEmpty.err());
    }
}
