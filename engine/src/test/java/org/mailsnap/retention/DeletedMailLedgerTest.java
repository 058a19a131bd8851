package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.GonePlacement;

/**
 * {@code forget --keep-last 1 --keep-deleted-within 3d} on eight daily snapshots of a store losing mail every day:
 * the newest snapshot is replaced by one carrying the ledger, which lists exactly the placements that left their
 * folder within the window (flags, GUID, mtime and content as the last snapshot held them, bytes readable); a day
 * later the next forget moves the ledger onto the new newest snapshot, carries what is still within the window and
 * drops what left before it.
 */
class DeletedMailLedgerTest {
    @TempDir
    Path tmp;

    @Test
    void theLedgerKeepsExactlyWhatLeftWithinTheWindow() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("repo"))) {
            DeletedMailHistory history = DeletedMailHistory.ofDays(f, tmp, 8);
            assertTrue(history.gone.size() > 10, "mail left its folders: " + history.gone.size());
            KeepWithin threeDays = KeepWithin.parse("3d");
            RetentionPolicy lastOne = RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of());
            Forget forget = new Forget(f.repository, f.catalog.blobs());

            ForgetPlan plan = forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, threeDays);
            assertEquals(7, plan.removed().size());
            long windowStart = history.times.get(7).minus(Duration.ofDays(3)).getEpochSecond();
            Map<String, DeletedMailHistory.Gone> expected = history.goneSince(windowStart);
            assertTrue(expected.size() < history.gone.size(), "some left before the window");
            DeletedMailLedger.Outcome preview = forget.preview(plan).get(0);
            assertEquals(expected.size(), preview.tally().entries(), "the dry run counts what the ledger keeps");
            assertNull(preview.by());
            assertEquals(8, f.snapshotIds().size(), "a preview writes nothing");

            // killed after the ledger was written, before any snapshot was deleted: the next forget finds each gone
            // placement twice (in the ledger, and in the snapshots still present) and counts it once
            SnapshotId carrier = new DeletedMailLedger(f.repository, f.catalog.blobs())
                    .write(plan.ledgers().get(0))
                    .by();
            assertEquals(8, f.snapshotIds().size(), "the newest is replaced, the others are still there");
            plan = forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, threeDays);
            LedgerTally afterKill = forget.preview(plan).get(0).tally();
            assertEquals(expected.size(), afterKill.entries(), afterKill.toString());
            assertEquals(expected.size(), afterKill.carried(), afterKill.toString());

            Forget.Outcome done = forget.run(plan, n -> {});
            assertEquals(7, done.deleted());
            DeletedMailLedger.Outcome written = done.ledgers().get(0);
            assertNull(written.by(), "the newest (a replacement already) carries this very ledger");
            assertEquals(List.of(carrier), new ArrayList<>(f.snapshotIds()), "only the replacement is left");
            assertLedger(f, expected);

            // a day later: the ledger moves to the new newest snapshot; what left before the window expires
            history.day();
            ForgetPlan next = forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, threeDays);
            assertEquals(
                    List.of(carrier),
                    next.removed().stream().map(d -> d.snapshot().id()).toList(),
                    "the old ledger's snapshot is removed by the policy: its ledger moves");
            Forget.Outcome again = forget.run(next, n -> {});
            long nextStart = history.times.get(8).minus(Duration.ofDays(3)).getEpochSecond();
            Map<String, DeletedMailHistory.Gone> stillWithin = history.goneSince(nextStart);
            assertLedger(f, stillWithin);
            LedgerTally tally = again.ledgers().get(0).tally();
            assertEquals(stillWithin.size(), tally.entries());
            assertEquals(expected.size() - tally.carried(), tally.expired(), tally.toString());

            // nothing changed: a forget with the same policy writes no new replacement
            Forget.Outcome idle =
                    forget.run(forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, threeDays), n -> {});
            assertNull(idle.ledgers().get(0).by(), "the newest already carries this ledger");
        }
    }

    @Test
    void aForgetWithoutTheWindowKeepsTheLedgersSnapshot() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("repo"))) {
            DeletedMailHistory history = DeletedMailHistory.ofDays(f, tmp, 3);
            Forget forget = new Forget(f.repository, f.catalog.blobs());
            RetentionPolicy lastOne = RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of());
            SnapshotId holder = forget.run(
                            forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, KeepWithin.parse("30d")), n -> {})
                    .ledgers()
                    .get(0)
                    .by();
            history.day();
            ForgetPlan plain = forget.plan(lastOne, GroupBy.HOST_PATH, ZoneOffset.UTC, null);
            assertEquals(List.of(), plain.removed(), "the ledger's snapshot stays");
            assertEquals(
                    List.of("deleted-mail ledger"),
                    plain.kept().stream()
                            .filter(d -> d.snapshot().id().equals(holder))
                            .findFirst()
                            .orElseThrow()
                            .reasons());
        }
    }

    /** The store's ledger, read back, is {@code expected}: same placements, and each one's bytes readable. */
    static void assertLedger(BackupFixture f, Map<String, DeletedMailHistory.Gone> expected) throws IOException {
        org.mailsnap.history.CatalogSync.blobIndex(f.repository, f.catalog); // after a prune: locations anew
        Map<String, StoreLedgers.Ledger> ledgers =
                StoreLedgers.of(SnapshotObjects.load(f.repository).current());
        assertEquals(1, ledgers.size());
        StoreLedgers.Ledger ledger = ledgers.values().iterator().next();
        BlobStore blobs = f.repository.openBlobStore(f.catalog.blobs());
        Map<String, GonePlacement> read = new TreeMap<>();
        ChunkCursor.ledger(ledger.chunks().get(0), blobs::get)
                .forEachRemaining(g -> read.put(
                        g.folder() + "/"
                                + org.mailsnap.model.BaseNames.DOVECOT.baseOf(
                                        g.placement().name()) + "@" + g.goneBySeconds(),
                        g));
        assertEquals(expected.keySet(), read.keySet());
        for (DeletedMailHistory.Gone g : expected.values()) {
            GonePlacement entry = read.get(g.key());
            assertEquals(g.placement(), entry.placement(), g.key());
            assertEquals(g.lastSeen(), entry.lastSeenSeconds(), g.key());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(blobs.get(entry.placement().content().header()));
            for (BlobId body : entry.placement().content().body()) {
                bytes.write(blobs.get(body));
            }
            assertArrayEquals(g.bytes(), bytes.toByteArray(), g.key() + ": the message's bytes");
        }
    }
}
