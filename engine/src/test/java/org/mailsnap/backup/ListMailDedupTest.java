package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.restore.RestoreMode;

/**
 * Issue 3: "The same list mail delivered to 100 mailboxes with different headers stores its body once (measured in
 * stats)". Each copy has its own Received/Delivered-To lines, so 100 header blobs are new, and the body's chunks are
 * stored by the first mailbox and deduplicated for the other 99.
 */
class ListMailDedupTest {
    private static final int MAILBOXES = 100;

    @TempDir
    Path tmp;

    @Test
    void oneListMailInAHundredMailboxesStoresItsBodyOnce() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ListMailDedupTest seed " + seed);
        byte[] noise = new byte[450 * 1024];
        new Random(seed).nextBytes(noise);
        String body = Base64.getMimeEncoder().encodeToString(noise) + "\r\n";
        long bodyBytes = body.length();

        Path store = tmp.resolve("store");
        for (int i = 0; i < MAILBOXES; i++) {
            deliver(store, i, body);
        }
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult result = f.backup(store);
            assertEquals(MAILBOXES, result.progress().messagesRead.get());
            // Chunk boundaries depend on the repository's secret chunker seed: take the body's chunks from it.
            Set<List<BlobId>> bodies = new HashSet<>();
            Set<BlobId> headers = new HashSet<>();
            for (List<Placement> folder : f.placements(result.snapshotId()).values()) {
                for (Placement p : folder) {
                    bodies.add(p.content().body());
                    headers.add(p.content().header());
                }
            }
            assertEquals(1, bodies.size(), "every copy has the very same body chunks");
            assertEquals(MAILBOXES, headers.size(), "every copy has its own header");
            long bodyChunks = bodies.iterator().next().size();
            assertTrue(bodyChunks >= 2, "a body this size is cut into several chunks: " + bodyChunks);
            assertEquals(
                    MAILBOXES + bodyChunks,
                    result.blobs().dataBlobsNew(),
                    "one header blob per mailbox, the body's chunks once: " + result.blobs());
            assertTrue(
                    result.blobs().bytesStored() < bodyBytes + MAILBOXES * 2048L,
                    "stored " + result.blobs().bytesStored() + " bytes for " + MAILBOXES + " copies of a " + bodyBytes
                            + "-byte body");
            Path target = tmp.resolve("restored");
            f.restore(result.snapshotId(), "user042", target, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(Trees.capture(store.resolve("user042")), Trees.capture(target), p -> false),
                    "a copy restores whole from the shared chunks");
        }
    }

    private static void deliver(Path store, int user, String body) throws IOException {
        Path inbox = Maildirs.maildir(store.resolve(String.format("user%03d", user)));
        String header = "Return-Path: <list-bounces@lists.example.org>\r\n"
                + "Delivered-To: user" + user + "@example.org\r\n"
                + "Received: from mx" + (user % 7) + ".example.org by mail.example.org with LMTP id " + user * 7919
                + "; Tue, 14 May 2024 10:" + String.format("%02d", user % 60) + ":00 +0000\r\n"
                + "From: Announcements <announce@lists.example.org>\r\n"
                + "To: announce@lists.example.org\r\n"
                + "Subject: Monthly digest\r\n"
                + "Message-ID: <digest-2024-05@lists.example.org>\r\n\r\n";
        Files.writeString(
                inbox.resolve("new/1715680800.M" + user + "P42.mail"), header + body, StandardCharsets.US_ASCII);
    }
}
