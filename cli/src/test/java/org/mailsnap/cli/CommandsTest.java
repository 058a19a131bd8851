package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.Storages;

/**
 * The commands the first CLI tests left out, run in-process as an operator would: find, dump, catalog rebuild, key
 * remove and passwd, demo, password sources, snapshot-id prefixes, time expressions and exit codes 3, 11 and 130.
 */
class CommandsTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;
    Path anne;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    static String mail(String from, String subject, String id, String body) {
        return "From: " + from + "\r\nTo: anne@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
                + ">\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\n" + body + "\r\n";
    }

    @BeforeEach
    void repository() throws Exception {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_CONFIG", tmp.resolve("empty.conf").toString());
        Files.writeString(tmp.resolve("empty.conf"), "");
        store = tmp.resolve("store");
        anne = store.resolve("example.org/anne");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(anne.resolve(d));
        }
        Files.writeString(
                anne.resolve("cur/1700000000.M1P1.host:2,S"),
                mail("Bob <bob@example.net>", "Quarterly figures", "q1@example.net", "From the start\r\nnumbers"));
        Files.writeString(
                anne.resolve("cur/1700000001.M2P1.host:2,"),
                mail("carol@example.com", "Lunch?", "lunch@example.com", "at noon"));
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
    }

    @Test
    void findBySubjectFromMessageIdAndTime() {
        CliRun subject = run("find", "--subject", "quarterly");
        assertEquals(0, subject.code(), subject.err());
        assertTrue(subject.out().startsWith("example.org/anne INBOX  "), subject.out());
        assertTrue(subject.out().contains("  Bob <bob@example.net>  "), subject.out());
        assertTrue(subject.out().contains("  Quarterly figures  "), subject.out());
        assertTrue(subject.out().contains("  seen\n    guid: 1700000000.M1P1.host"), subject.out());
        assertTrue(subject.out().endsWith("1 found\n"), subject.out());

        assertTrue(run("find", "--message-id", "lunch@example.com").out().contains("1700000001.M2P1.host"));
        assertTrue(run("find", "--from", "carol").out().contains("  Lunch?  "));
        assertTrue(run("find", "--since", "2026-11-24", "--until", "2026-11-24")
                .out()
                .contains("2 found"));
        assertTrue(run("find", "--since", "2026-11-25").out().contains("0 found"));
        CliRun badTime = run("find", "--since", "next tuesday");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().startsWith("mailsnap: cannot read the time 'next tuesday'"), badTime.err());
    }

    @Test
    void findNamesKeywordsAsTheFoldersKeywordsFileDidAndSaysWhenANameIsUnknown() throws Exception {
        Files.writeString(anne.resolve("dovecot-keywords"), "0 $Forwarded\n2 Project X\n");
        Files.writeString(
                anne.resolve("cur/1700000009.M9P1.host:2,RSacd"),
                mail("dave@example.com", "Keyworded", "kw@example.com", "tagged"));
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        CliRun text = run("find", "--subject", "keyworded");
        assertEquals(0, text.code(), text.err());
        assertTrue(
                text.out().contains("  answered, seen, $Forwarded, Project X, keyword-d (name unknown)\n"),
                "a and c named by the file, d not in it: " + text.out());
        Map<?, ?> json = (Map<?, ?>)
                Json.parse(run("find", "--json", "--subject", "keyworded").out());
        Map<?, ?> hit = (Map<?, ?>) ((java.util.List<?>) json.get("hits")).get(0);
        assertEquals("RSacd", hit.get("flags"), "the letters stay as they were");
        assertEquals(
                java.util.List.of("answered", "seen", "$Forwarded", "Project X", "keyword-d (name unknown)"),
                hit.get("flagWords"));
        assertTrue(run("find", "--subject", "quarterly").out().contains("  seen\n"), "no keyword, no repository read");
    }

    @Test
    void dumpWritesAnMboxWithFromLinesQuoted() throws Exception {
        Path file = tmp.resolve("anne.mbox");
        CliRun dump = run("dump", "--at", "now", "-m", "example.org/anne", "-o", file.toString());
        assertEquals(0, dump.code(), dump.err());
        assertEquals("mailsnap: dumped 2 messages", dump.err().strip().replaceAll(" \\(.*", ""));
        String mbox = Files.readString(file);
        assertEquals(2, mbox.lines().filter(l -> l.startsWith("From ")).count(), mbox);
        assertTrue(mbox.contains("\n>From the start"), "mboxrd quotes a body line starting 'From '");
        assertTrue(mbox.contains("Subject: Lunch?"));
        CliRun missing = run("dump", "--at", "now", "-m", "example.org/nobody", "-o", file.toString());
        assertNotEquals(0, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }

    @Test
    void catalogRebuildFromTheRepositoryKeepsTheNextBackupIncremental() throws Exception {
        CliRun rebuild = run("catalog", "rebuild");
        assertEquals(0, rebuild.code(), rebuild.err());
        assertTrue(
                rebuild.out().startsWith("catalog rebuilt in " + tmp.resolve("catalog") + " from 1 snapshots"),
                rebuild.out());
        Map<?, ?> next = (Map<?, ?>) Json.parse(
                run("backup", "--json", "--lock", "none", store.toString()).out());
        assertEquals(0L, next.get("newMessages"), "nothing re-read after the rebuild: " + next);
        assertTrue(run("find", "--subject", "lunch").out().contains("1 found"), "the search index is back");
    }

    @Test
    void keyPasswdAndRemove() throws Exception {
        env.put("MAILSNAP_NEW_PASSWORD", "battery staple");
        CliRun passwd = run("key", "passwd");
        assertEquals(0, passwd.code(), passwd.err());
        assertEquals("", passwd.err());
        assertTrue(passwd.out().matches("password changed \\(new key [0-9a-f]{32,64}\\)\n"), passwd.out());
        assertEquals(12, run("key", "list").code(), "the old password is gone");
        env.put("MAILSNAP_PASSWORD", "battery staple");
        assertEquals(0, run("key", "list").code());

        env.put("MAILSNAP_NEW_PASSWORD", "second");
        String added = run("key", "add").out().strip().replace("added key ", "");
        CliRun inUse = run("key", "remove", currentKey());
        assertNotEquals(0, inUse.code(), "the key in use needs --force");
        assertEquals(1, inUse.err().lines().count(), inUse.err());
        CliRun remove = run("key", "remove", added.substring(0, 8));
        assertEquals(0, remove.code(), remove.err());
        assertEquals("removed key " + added.substring(0, 8) + "\n", remove.out());
        assertEquals("", remove.err());
        env.put("MAILSNAP_PASSWORD", "second");
        assertEquals(12, run("key", "list").code(), "the removed key opens nothing");
    }

    private String currentKey() {
        return run("key", "list")
                .out()
                .lines()
                .filter(l -> l.startsWith("*"))
                .findFirst()
                .orElseThrow()
                .substring(3)
                .trim()
                .split("\\s+")[0];
    }

    @Test
    void passwordSourcesInTheirOrder() throws Exception {
        Path good = tmp.resolve("good");
        Files.writeString(good, "correct horse\r\nignored second line\n");
        Path bad = tmp.resolve("bad");
        Files.writeString(bad, "wrong\n");
        env.put("MAILSNAP_PASSWORD", "wrong");
        assertEquals(0, run("snapshots", "--password-file", good.toString()).code(), "--password-file first");
        env.remove("MAILSNAP_PASSWORD");
        env.put("MAILSNAP_PASSWORD_FILE", good.toString());
        assertEquals(0, run("snapshots").code(), "then MAILSNAP_PASSWORD_FILE (CRLF stripped)");
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_PASSWORD_FILE", bad.toString());
        assertEquals(0, run("snapshots").code(), "MAILSNAP_PASSWORD before MAILSNAP_PASSWORD_FILE");
        env.remove("MAILSNAP_PASSWORD");
        env.remove("MAILSNAP_PASSWORD_FILE");
        env.put("MAILSNAP_PASSWORD_COMMAND", "echo correct horse");
        assertEquals(0, run("snapshots").code(), "then MAILSNAP_PASSWORD_COMMAND");
        env.remove("MAILSNAP_PASSWORD_COMMAND");
        CliRun none = run("snapshots");
        assertEquals(2, none.code(), "no terminal in a test: no prompt, a clear error");
        assertTrue(none.err().startsWith("mailsnap: no password: use --password-file"), none.err());
        Files.writeString(bad, "\n");
        CliRun empty = run("snapshots", "--password-file", bad.toString());
        assertEquals(2, empty.code());
        assertEquals(
                "mailsnap: password file " + bad + " gave an empty password",
                empty.err().strip());
    }

    @Test
    void snapshotIdsByUniquePrefix() throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(run("snapshots", "--json").out());
        String id = (String) ((Map<?, ?>) ((java.util.List<?>) json.get("snapshots")).get(0)).get("id");
        assertEquals(0, run("ls", id.substring(0, 4)).code());
        assertEquals(
                0,
                run("ls", id.toUpperCase(java.util.Locale.ROOT).substring(0, 0) + id)
                        .code());
        CliRun tooShort = run("ls", id.substring(0, 3));
        assertEquals(1, tooShort.code());
        assertTrue(tooShort.err().contains("is ambiguous or too short"), tooShort.err());
        CliRun unknown = run("ls", "ffffffffff".equals(id.substring(0, 10)) ? "eeeeeeeeee" : "ffffffffff");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("mailsnap: no snapshot "), unknown.err());
    }

    @Test
    void everyCommandThatNamesASnapshotTakesAPrefix() throws Exception {
        String first = onlySnapshotId();
        Files.writeString(anne.resolve("new/1700000009.M9P1.host"), mail("dave@example.org", "Later", "later@d", "x"));
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        String second = ((java.util.List<?>)
                        ((Map<?, ?>) Json.parse(run("snapshots", "--json").out())).get("snapshots"))
                .stream()
                        .map(o -> (String) ((Map<?, ?>) o).get("id"))
                        .filter(i -> !i.equals(first))
                        .findFirst()
                        .orElseThrow();

        Path target = tmp.resolve("restored");
        CliRun restore = run(
                "restore",
                "--snapshot",
                first.substring(0, 8),
                "-m",
                "example.org/anne",
                "--target",
                target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(2, countFiles(target.resolve("cur")) + countFiles(target.resolve("new")), "the first moment");
        CliRun dump = run(
                "dump",
                "-s",
                second.substring(0, 8),
                "-m",
                "example.org/anne",
                "-o",
                tmp.resolve("second.mbox").toString());
        assertEquals(0, dump.code(), dump.err());
        assertTrue(dump.err().startsWith("mailsnap: dumped 3 messages"), dump.err());
        CliRun diff = run("diff", "--long", first.substring(0, 6), second.substring(0, 6));
        assertEquals(0, diff.code(), diff.err());
        assertTrue(diff.out().contains("1700000009.M9P1.host"), diff.out());
        assertFalse(diff.out().contains("1700000000.M1P1.host"), "unchanged messages are not listed: " + diff.out());
        CliRun latest = run("ls", "latest");
        assertEquals(0, latest.code(), latest.err());
        assertTrue(
                latest.out().matches("(?s).*example\\.org/anne +INBOX +3 .*"),
                "the second snapshot's 3: " + latest.out());
    }

    private String onlySnapshotId() {
        java.util.List<?> all = (java.util.List<?>)
                ((Map<?, ?>) Json.parse(run("snapshots", "--json").out())).get("snapshots");
        assertEquals(1, all.size());
        return (String) ((Map<?, ?>) all.get(0)).get("id");
    }

    private static long countFiles(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void dumpAsAMaildirTarballAndToTheProcessesStdout() throws Exception {
        Path tar = tmp.resolve("anne.tar");
        CliRun dump =
                run("dump", "--at", "now", "-m", "example.org/anne", "--format", "maildir-tar", "-o", tar.toString());
        assertEquals(0, dump.code(), dump.err());
        assertEquals("", dump.out());
        Process list = new ProcessBuilder("tar", "-tf", tar.toString())
                .redirectErrorStream(true)
                .start();
        String names = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), "GNU tar reads it: " + names);
        assertTrue(names.contains("cur/1700000000.M1P1.host:2,S\n"), names);
        assertTrue(names.contains("cur/1700000001.M2P1.host:2,\n"), names);
        CliRun badFormat = run("dump", "--at", "now", "-m", "example.org/anne", "--format", "zip");
        assertEquals(2, badFormat.code());
        assertEquals("mailsnap: --format must be mbox or maildir-tar, not zip\n", badFormat.err());

        // Without -o the mbox goes to the process's own stdout (not a writer), so a child JVM shows it.
        Path file = tmp.resolve("anne.mbox");
        assertEquals(
                0,
                run("dump", "--at", "now", "-m", "example.org/anne", "-o", file.toString())
                        .code());
        ProcessBuilder child = new ProcessBuilder(ChildJvm.mailsnap(
                        java.util.List.of("-XX:TieredStopAtLevel=1"), "dump", "--at", "now", "-m", "example.org/anne"))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(tmp.resolve("child.err").toFile());
        child.environment().putAll(env);
        Process p = child.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("child.err")));
        assertArrayEquals(Files.readAllBytes(file), stdout, "stdout holds the same mbox as the file");
        assertTrue(Files.readString(tmp.resolve("child.err")).startsWith("mailsnap: dumped 2 messages"));
    }

    @Test
    void demoTellsTheReadmesStoryAndChecksItsRestore() {
        Path dir = tmp.resolve("demo");
        CliRun demo = run("demo", "--dir", dir.toString());
        assertEquals(0, demo.code(), demo.err());
        assertEquals("", demo.err());
        for (String step : new String[] {
            "1. generating a sample store (tiny, seed 20261129) in " + dir.resolve("store"),
            "2. created repository " + dir.resolve("repository"),
            "3. first backup",
            "4. one hour of mail",
            "5. hourly backup",
            "6. restoring mailbox",
            "7. checking the restore",
            "   identical: ",
            "done. Everything is kept in " + dir
        }) {
            assertTrue(demo.out().contains(step), step + " in:\n" + demo.out());
        }
        assertTrue(Files.isDirectory(dir.resolve("restored")));
        CliRun badPreset = run("demo", "--dir", tmp.resolve("demo2").toString(), "--seed", "x");
        assertEquals(2, badPreset.code());
    }

    @Test
    void timeExpressions() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), TimeExpressions.parse("now", clock));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), TimeExpressions.parse("2h", clock));
        assertEquals(Instant.parse("2026-11-24T11:30:00Z"), TimeExpressions.parse("30 min ago", clock));
        assertEquals(Instant.parse("2026-11-17T12:00:00Z"), TimeExpressions.parse("1w", clock));
        assertEquals(
                Instant.parse("2026-11-23T09:00:00Z"),
                TimeExpressions.parse("yesterday 10:00", clock),
                "local time, Berlin is UTC+1 in November");
        assertEquals(Instant.parse("2026-11-20T09:30:00Z"), TimeExpressions.parse("2026-11-20 10:30", clock));
        assertEquals(Instant.parse("2026-11-20T10:30:00Z"), TimeExpressions.parse("2026-11-20T10:30:00Z", clock));
        assertEquals(
                Instant.parse("2026-11-20T22:59:59.999999999Z"),
                TimeExpressions.parse("2026-11-20", clock),
                "a date means its end");
        assertEquals(
                Instant.parse("2026-11-19T23:00:00Z"),
                TimeExpressions.parseStart("2026-11-20", clock),
                "as the start of a range, a date means its beginning");
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), TimeExpressions.parseStart("yesterday", clock));
        UserError e = assertThrows(UserError.class, () -> TimeExpressions.parse("soonish", clock));
        assertEquals(ExitCode.USAGE, e.code());
    }

    @Test
    void timeExpressionsOnTheCommandLineCountFromTheInjectedClock() {
        Clock dayAfter = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("UTC"));
        Clock twoDaysAfter = Clock.fixed(Instant.parse("2026-11-26T10:00:01Z"), ZoneId.of("UTC"));
        assertTrue(
                CliRun.at(env, dayAfter, false, "find", "--since", "1d").out().endsWith("2 found\n"),
                "both Date headers (2026-11-24 10:00) are within a day of the clock");
        assertTrue(CliRun.at(env, twoDaysAfter, false, "find", "--since", "1d")
                .out()
                .endsWith("0 found\n"));
        assertTrue(
                CliRun.at(env, dayAfter, false, "find", "--until", "yesterday 10:30")
                        .out()
                        .endsWith("2 found\n"),
                "yesterday is the clock's");

        Clock later = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(3));
        CliRun restore = CliRun.at(
                env,
                later,
                false,
                "restore",
                "--at",
                "2h",
                "--target",
                tmp.resolve("r").toString());
        assertEquals(0, restore.code(), restore.err());
        Clock before = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneId.of("UTC"));
        CliRun none = CliRun.at(
                env,
                before,
                false,
                "restore",
                "--at",
                "now",
                "--target",
                tmp.resolve("r2").toString());
        assertNotEquals(0, none.code());
        assertTrue(none.err().contains("no snapshot at or before 2020-01-01T00:00"), none.err());
    }

    @Test
    void progressIsDrawnOnATerminalOnlyAndNotWithQuiet() throws Exception {
        Files.writeString(anne.resolve("new/1700000010.M10P1.host"), mail("x@y", "more", "more@y", "b"));
        CliRun onTerminal = CliRun.at(env, Clock.systemUTC(), true, "backup", "--lock", "none", store.toString());
        assertEquals(0, onTerminal.code(), onTerminal.err());
        assertTrue(onTerminal.err().endsWith("\r\033[K"), "the line is erased at the end: " + onTerminal.err());
        CliRun quiet = CliRun.at(env, Clock.systemUTC(), true, "backup", "--quiet", "--lock", "none", store.toString());
        assertEquals("", quiet.err());
        CliRun timer = CliRun.at(env, Clock.systemUTC(), false, "backup", "--lock", "none", store.toString());
        assertEquals("", timer.err(), "no terminal: nothing");
    }

    @Test
    void exitCode3WhenAMailboxStaysLocked() throws Exception {
        Path bob = store.resolve("example.org/bob");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(bob.resolve(d));
        }
        Files.writeString(bob.resolve("new/1700000005.M5P1.host"), mail("x@y", "hi", "hi@y", "b"));
        // A new delivery, so anne's INBOX must be listed (an unchanged folder is not, and needs no lock).
        Files.writeString(anne.resolve("new/1700000006.M6P1.host"), mail("x@y", "late", "late@y", "c"));
        Path lock = anne.resolve("dovecot-uidlist.lock");
        Files.writeString(lock, "1:otherhost");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
        CliRun partial = run("backup", "--lock", "dovecot", "--lock-timeout", "1", store.toString());
        assertEquals(3, partial.code(), partial.out() + partial.err());
        assertTrue(partial.err().contains("the snapshot is partial: example.org/anne"), partial.err());
        assertTrue(Files.exists(lock), "someone else's lock is left alone");
        assertTrue(run("find", "--subject", "hi").out().contains("1 found"), "bob was backed up");
    }

    @Test
    void exitCode11WhileTheRepositoryIsLockedExclusively() throws Exception {
        try (Storage storage = Storages.open(tmp.resolve("repo").toString());
                Repository admin = Repository.open(storage, "correct horse".toCharArray());
                RepositoryLock exclusive = admin.lockExclusive()) {
            CliRun locked = run("backup", "--lock", "none", store.toString());
            assertEquals(11, locked.code(), locked.err());
            assertEquals(1, locked.err().lines().count(), locked.err());
            assertTrue(locked.err().contains("locked"), locked.err());
        }
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
    }

    @Test
    void exitCode130WhenTheRunIsInterrupted() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(
                    anne.resolve("new/17000001" + i + ".M" + i + "P9.host"),
                    mail("x@y", "n" + i, i + "@y", "body " + i));
        }
        CliRun[] result = new CliRun[1];
        Thread runner = new Thread(() -> {
            Thread.currentThread().interrupt(); // as a Ctrl-C handler or an executor's shutdownNow would
            result[0] = run("backup", "--lock", "none", store.toString());
        });
        runner.start();
        runner.join();
        assertEquals(130, result[0].code(), result[0].err());
        assertEquals(1, result[0].err().lines().count(), result[0].err());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code(), "the next run is fine");
    }

    @Test
    void hooksRunBeforeAfterAndOnError() throws Exception {
        Path log = tmp.resolve("hooks.log");
        CliRun ok = run(
                "backup",
                "--lock",
                "none",
                "--before",
                "echo before >>" + log,
                "--after",
                "echo after $MAILSNAP_EXIT_CODE >>" + log + "; echo said-after",
                "--on-error",
                "echo error >>" + log,
                store.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("before\nafter 0\n", Files.readString(log));
        assertTrue(ok.err().contains("said-after"), "a hook's output goes to stderr: " + ok.err());

        Files.delete(log);
        CliRun failing = run(
                "backup",
                "--lock",
                "none",
                "--after",
                "echo after >>" + log,
                "--on-error",
                "echo error $MAILSNAP_EXIT_CODE >>" + log,
                tmp.resolve("no-store").toString());
        assertNotEquals(0, failing.code());
        assertEquals("error " + failing.code() + "\n", Files.readString(log));

        CliRun refused = run("backup", "--lock", "none", "--before", "exit 7", store.toString());
        assertEquals(1, refused.code());
        assertEquals(
                "mailsnap: the before hook failed (exit status 7): exit 7; not starting",
                refused.err().strip());
    }
}
