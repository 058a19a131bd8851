package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics-file}: parsable by a strict Prometheus text reader after success and failure alike. */
class MetricsFileTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;
    Path metrics;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void repository() throws Exception {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_CONFIG", tmp.resolve("empty.conf").toString());
        Files.writeString(tmp.resolve("empty.conf"), "");
        store = tmp.resolve("store");
        Path inbox = store.resolve("example.org/anne");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(inbox.resolve(d));
        }
        Files.writeString(inbox.resolve("new/1700000000.M1P1.host"), "Subject: one\r\n\r\nfirst body\r\n");
        Files.writeString(inbox.resolve("cur/1700000001.M2P1.host:2,S"), "Subject: two\r\n\r\nsecond body\r\n");
        Files.createDirectories(tmp.resolve("textfile"));
        metrics = tmp.resolve("textfile/mailsnap.prom");
        assertEquals(0, run("init").code());
    }

    @Test
    void aSuccessfulBackupWritesEveryFigure() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        CliRun backup = run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString());
        assertEquals(0, backup.code(), backup.err());
        PrometheusText.Parsed p = PrometheusText.parse(Files.readString(metrics));
        Map<String, Double> s = p.samples();
        assertEquals(0, s.get("mailsnap_backup_exit_code"));
        assertEquals(1, s.get("mailsnap_backup_success"));
        assertEquals(2, s.get("mailsnap_backup_messages_new"));
        assertEquals(2, s.get("mailsnap_backup_snapshot_messages"));
        assertEquals(0, s.get("mailsnap_backup_mailboxes_skipped"));
        assertEquals(0, s.get("mailsnap_backup_catalog_rebuilt"), "a catalog of this format");
        assertTrue(s.get("mailsnap_backup_bytes_read") > 40, s.toString());
        assertTrue(s.get("mailsnap_backup_bytes_added") > 0, s.toString());
        long packBytes;
        try (var packs = Files.walk(tmp.resolve("repo").resolve("data"))) {
            packBytes = packs.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
        assertEquals((double) packBytes, s.get("mailsnap_backup_repository_pack_bytes"), "the packs in data/");
        for (String name :
                List.of("messages_renamed", "messages_expunged", "lock_hold_max_seconds", "duration_seconds")) {
            assertTrue(s.containsKey("mailsnap_backup_" + name), name + " in " + s);
        }
        double success = s.get("mailsnap_backup_last_success_timestamp_seconds");
        assertTrue(success >= before && success <= System.currentTimeMillis() / 1000.0 + 1, "now: " + success);
        for (String name : s.keySet()) {
            assertEquals("gauge", p.types().get(name).trim(), name);
            assertFalse(p.help().get(name).isBlank(), name);
        }
        try (var files = Files.list(metrics.getParent())) {
            assertEquals(List.of(metrics), files.toList(), "no temporary file left behind");
        }

        Path mail = store.resolve("example.org/anne/cur/1700000001.M2P1.host:2,S");
        Files.move(mail, mail.resolveSibling("1700000001.M2P1.host:2,RS"));
        Files.delete(store.resolve("example.org/anne/new/1700000000.M1P1.host"));
        assertEquals(
                0,
                run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString())
                        .code());
        Map<String, Double> second =
                PrometheusText.parse(Files.readString(metrics)).samples();
        assertEquals(0, second.get("mailsnap_backup_messages_new"));
        assertEquals(1, second.get("mailsnap_backup_messages_renamed"));
        assertEquals(1, second.get("mailsnap_backup_messages_expunged"));
    }

    @Test
    void aFailedRunKeepsTheLastSuccessAndSaysHowItEnded() throws Exception {
        assertEquals(
                0,
                run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString())
                        .code());
        double success = PrometheusText.parse(Files.readString(metrics))
                .samples()
                .get("mailsnap_backup_last_success_timestamp_seconds");

        env.put("MAILSNAP_PASSWORD", "wrong");
        CliRun wrong = run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString());
        assertEquals(12, wrong.code());
        Map<String, Double> s = PrometheusText.parse(Files.readString(metrics)).samples();
        assertEquals(12, s.get("mailsnap_backup_exit_code"));
        assertEquals(0, s.get("mailsnap_backup_success"));
        assertEquals(success, s.get("mailsnap_backup_last_success_timestamp_seconds"), "carried over");
        assertTrue(s.get("mailsnap_backup_last_run_timestamp_seconds") >= success);

        env.put("MAILSNAP_PASSWORD", "correct horse");
        try (RunLock held = RunLock.acquire(tmp.resolve("catalog"), "test")) {
            assertEquals(
                    4,
                    run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString())
                            .code());
        }
        Map<String, Double> busy =
                PrometheusText.parse(Files.readString(metrics)).samples();
        assertEquals(4, busy.get("mailsnap_backup_exit_code"));
        assertEquals(success, busy.get("mailsnap_backup_last_success_timestamp_seconds"));
    }

    @Test
    void aFirstRunThatFailsHasNoLastSuccess() throws Exception {
        CliRun missing = run(
                "backup",
                "--lock",
                "none",
                "--metrics-file",
                metrics.toString(),
                tmp.resolve("no-store").toString());
        assertNotEquals(0, missing.code());
        Map<String, Double> s = PrometheusText.parse(Files.readString(metrics)).samples();
        assertFalse(s.containsKey("mailsnap_backup_last_success_timestamp_seconds"), s.toString());
        assertEquals(missing.code(), s.get("mailsnap_backup_exit_code"));
    }

    @Test
    void anUnwritableMetricsFileIsAWarningNotAFailure() {
        CliRun run = run(
                "backup",
                "--lock",
                "none",
                "--metrics-file",
                tmp.resolve("no/such/dir/m.prom").toString(),
                store.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("warning: cannot write the metrics file"), run.err());
    }

    @Test
    void aRunEndedBySigtermStillWritesTheFile() throws Exception {
        assertEquals(
                0,
                run("backup", "--lock", "none", "--metrics-file", metrics.toString(), store.toString())
                        .code());
        double success = PrometheusText.parse(Files.readString(metrics))
                .samples()
                .get("mailsnap_backup_last_success_timestamp_seconds");
        // The password command says "ready" and then waits on stdin: the run is under way, blocked, when killed.
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.mailsnap(
                List.of(),
                "backup",
                "--lock",
                "none",
                "--metrics-file",
                metrics.toString(),
                "--password-command",
                "echo ready >&2; read line; echo correct horse",
                store.toString()));
        builder.environment().putAll(env);
        builder.environment().remove("MAILSNAP_PASSWORD");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        try (var stderr = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertEquals("ready", stderr.readLine());
            child.destroy(); // SIGTERM, as systemctl stop sends
            assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.getOutputStream().close(); // lets the password command's read end
        }
        assertEquals(143, child.exitValue(), "the JVM's exit status for SIGTERM");
        Map<String, Double> s = PrometheusText.parse(Files.readString(metrics)).samples();
        assertEquals(130, s.get("mailsnap_backup_exit_code"));
        assertEquals(success, s.get("mailsnap_backup_last_success_timestamp_seconds"));
    }

    @Test
    void theStrictReaderRejectsWhatPrometheusRejects() {
        for (String bad : List.of(
                "m 1",
                "m one\n",
                "# TYPE m gauge\n# TYPE m gauge\nm 1\n",
                "m 1\n# TYPE m gauge\n",
                "m{a=\"x} 1\n",
                "m{a=x} 1\n",
                "1m 1\n",
                "m 1\nn 1\nm 2\n",
                "m 1\nm 1\n",
                "# TYPE m gauges\nm 1\n",
                "m 1 1.5\n")) {
            assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(bad), bad);
        }
        assertEquals(
                Map.of("m{a=\"x\\\"y\"}", 1.5e3),
                PrometheusText.parse("m{a=\"x\\\"y\"} 1.5e3\n").samples());
        assertEquals(-1, MetricsFile.number(-1).equals("-1") ? -1 : 0);
        assertEquals("0.25", MetricsFile.number(0.25));
        assertEquals("1764871200", MetricsFile.number(1764871200.0));
    }
}
