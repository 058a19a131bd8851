package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.restore.RestoreMode;

/**
 * The odd cases of issue 3 through a real backup and a real restore: every name shape a Maildir can hold comes back
 * verbatim, what readers must ignore is ignored, and what cannot be read is reported without losing the rest.
 */
class OddNamesRoundTripTest {
    private static final long HUGE = 30L << 20;

    @TempDir
    Path tmp;

    @Test
    @Timeout(60) // a FIFO opened for reading blocks until a writer comes: the run must not open it
    void oddNamesAndFilesRoundTripVerbatim() throws Exception {
        long seed = System.nanoTime();
        System.out.println("OddNamesRoundTripTest seed " + seed);
        Random random = new Random(seed);
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("alice"));
        Path work = Maildirs.folder(inbox, ".Work");
        Files.writeString(inbox.resolve("dovecot-keywords"), "0 $Junk\n1 $Label1\n");
        Files.writeString(inbox.resolve("subscriptions"), "V\t2\n\nWork\n");
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V1700000000 N1 G0123456789abcdef\n");

        message(inbox, "cur", "1700000001.M1P1.host", random); // no info at all
        message(inbox, "new", "1700000101.M1P1.host", random); // new/, as delivered
        message(inbox, "cur", "1700000002.M2P1.host:1,experimental", random); // 1, info kept verbatim
        message(inbox, "cur", "1700000003.M3P1.host:2,", random); // empty flags
        message(inbox, "cur", "1700000004.M4P1.host:2,FRSXZ9", random); // unknown letters
        message(inbox, "cur", "1700000005.M5P1.host,S=99:2,Sab", random); // keywords, a wrong size hint
        message(inbox, "cur", "1700000006.M6P1.host:extra:2,S", random); // several separators
        Files.write(inbox.resolve("cur/1700000007.M7P1.host:2,S"), new byte[0]); // zero bytes
        hugeMessage(inbox.resolve("cur/1700000008.M8P1.host:2,S"), random);
        message(inbox, "new", "1700000009.M9P1.host", random); // duplicate base: new/ copy …
        message(inbox, "cur", "1700000009.M9P1.host:2,S", random); // … and the cur/ one kept
        message(inbox, "cur", ".hidden:2,S", random); // dot-files: readers ignore
        message(inbox, "new", ".also-hidden", random);
        message(inbox, "tmp", "1700000010.M10P1.host", random); // tmp/ is never backed up
        Files.createDirectory(inbox.resolve("cur/1700000011.M11P1.host:2,S")); // unreadable: a directory …
        mkfifo(inbox.resolve("cur/1700000012.M12P1.host:2,S")); // … and a FIFO (would block)
        message(inbox, "cur", "1700000013.M13P1.host:2,S", random); // COPY: same base in two folders
        // IMAP COPY hard-links (Dovecot's default): one inode, so one mtime, under two names
        Files.createLink(
                work.resolve("cur/1700000013.M13P1.host:2,FS"), inbox.resolve("cur/1700000013.M13P1.host:2,S"));
        message(work, "cur", "1700000014.M14P1.host:2,RS", random);
        Files.writeString(work.resolve("dovecot-uidlist"), "3 V1700000001 N2 G00\n1 :1700000014.M14P1.host\n");
        StoreTree before = Trees.capture(store);

        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult result = f.backup(store);
            String problems = String.join(
                    "\n", result.problems().stream().map(BackupProblem::message).toList());
            assertTrue(result.partial(), "an unreadable message makes the run partial: " + problems);
            assertEquals(2, result.progress().unreadable.get(), problems);
            assertTrue(
                    problems.contains("1700000011.M11P1.host:2,S") && problems.contains("1700000012.M12P1.host"),
                    "both unreadable files are named: " + problems);
            assertTrue(
                    problems.contains("two files with one base") && problems.contains("new/1700000009.M9P1.host"),
                    "the duplicate is reported, naming the new/ file dropped: " + problems);
            assertEquals(12, result.progress().messagesRead.get(), "every readable base read once (the COPY once)");

            SortedMap<FolderKey, List<Placement>> placements = f.placements(result.snapshotId());
            Map<String, Placement> inInbox = byName(placements.get(new FolderKey("alice", "")));
            Map<String, Placement> inWork = byName(placements.get(new FolderKey("alice", ".Work")));
            assertEquals(11, inInbox.size(), inInbox.keySet().toString());
            assertEquals(HUGE, inInbox.get("1700000008.M8P1.host:2,S").content().size());
            assertEquals(0, inInbox.get("1700000007.M7P1.host:2,S").content().size());
            assertTrue(inInbox.get("1700000009.M9P1.host:2,S").inCur(), "cur/ kept of the duplicate");
            assertEquals(
                    inInbox.get("1700000013.M13P1.host:2,S").content(),
                    inWork.get("1700000013.M13P1.host:2,FS").content(),
                    "the COPY is one content, stored once");

            Path target = tmp.resolve("restored");
            f.restore(result.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(
                            before,
                            Trees.capture(target),
                            path -> path.equals("alice/new/1700000009.M9P1.host")
                                    || path.contains("/.hidden")
                                    || path.contains("/.also-hidden")
                                    || path.contains("1700000011.M11P1")));
            assertFalse(Files.exists(target.resolve("alice/tmp/1700000010.M10P1.host")), "tmp/ content left out");

            // Flags of the name with several separators change: the base is before the first ':', so it is a
            // rename of a known message, and the FIFO and directory are reported again but never block.
            Trees.ageDirectories(store);
            Files.move(
                    inbox.resolve("cur/1700000006.M6P1.host:extra:2,S"),
                    inbox.resolve("cur/1700000006.M6P1.host:extra:2,RS"));
            BackupResult second = f.backup(store);
            assertEquals(
                    0, second.progress().messagesRead.get(), second.problems().toString());
            assertEquals(1, second.progress().renamed.get());
            assertEquals(2, second.progress().unreadable.get());
        }
    }

    @Test
    void semicolonSeparatorIdentifiesBasesByIt() throws Exception {
        long seed = System.nanoTime();
        System.out.println("OddNamesRoundTripTest semicolon seed " + seed);
        Random random = new Random(seed);
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("win"));
        Path sent = Maildirs.folder(inbox, ".Sent");
        message(inbox, "cur", "1700000001.M1P1.host;2,S", random);
        message(inbox, "cur", "1700000002.M2P1.host:odd;2,RS", random); // ':' is part of the base here
        message(inbox, "cur", "1700000003.M3P1.host;1,info", random);
        message(inbox, "cur", "1700000004.M4P1.host;x;2,FS", random); // several separators
        message(inbox, "new", "1700000005.M5P1.host", random);
        message(inbox, "cur", "1700000006.M6P1.host;2,", random);
        Files.createLink(sent.resolve("cur/1700000001.M1P1.host;2,ST"), inbox.resolve("cur/1700000001.M1P1.host;2,S"));
        StoreTree before = Trees.capture(store);
        BackupSettings settings = BackupSettings.builder(store, "testhost")
                .threads(2)
                .separator(';')
                .build();

        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(settings);
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(6, first.progress().messagesRead.get(), "the COPY under ';' names is read once");
            assertEquals(';', first.snapshot().separator());
            Path target = tmp.resolve("restored");
            f.restore(first.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(before, Trees.capture(target), path -> false));

            Trees.ageDirectories(store);
            Files.move(
                    inbox.resolve("cur/1700000002.M2P1.host:odd;2,RS"),
                    inbox.resolve("cur/1700000002.M2P1.host:odd;2,FRS"));
            Files.move(inbox.resolve("new/1700000005.M5P1.host"), inbox.resolve("cur/1700000005.M5P1.host;2,S"));
            int opens = f.files.opens();
            BackupResult second = f.backup(settings);
            assertEquals(opens, f.files.opens(), "flag changes and new->cur under ';' open no file");
            assertEquals(2, second.progress().renamed.get());
            StoreTree now = Trees.capture(store);
            Path again = tmp.resolve("restored-again");
            f.restore(second.snapshotId(), null, again, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(now, Trees.capture(again), path -> false));
        }
    }

    private static Map<String, Placement> byName(List<Placement> placements) {
        return placements.stream().collect(Collectors.toMap(Placement::name, p -> p));
    }

    /** A message with a random body and an mtime in the past (restores must keep it). */
    private static void message(Path folder, String sub, String name, Random random) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0, n = random.nextInt(40); i < n; i++) {
            body.append(Long.toHexString(random.nextLong())).append(i % 4 == 3 ? "\r\n" : " ");
        }
        Path file = folder.resolve(sub).resolve(name);
        Files.writeString(file, "From: a@example.org\r\nSubject: " + name + "\r\n\r\n" + body, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(
                file,
                FileTime.from(Instant.ofEpochSecond(
                        1_700_000_000L + random.nextInt(1 << 20), random.nextInt(1_000_000_000))));
    }

    /** Written in pieces: the test itself never holds the message in memory either. */
    private static void hugeMessage(Path file, Random random) throws IOException {
        byte[] piece = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] header = "Subject: huge\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            long left = HUGE - header.length;
            while (left > 0) {
                random.nextBytes(piece);
                int n = (int) Math.min(piece.length, left);
                out.write(piece, 0, n);
                left -= n;
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(1_700_000_123L, TimeUnit.SECONDS));
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }
}
