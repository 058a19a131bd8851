package org.mailsnap.recovery;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.SnapshotId;

class MessageFinderTest {
    private static final Instant T0 = Instant.parse("2024-06-01T10:00:00Z");

    @TempDir
    Path tmp;

    /** A running backup's index leaves the first snapshot empty; the finder resolves it by time. */
    @Test
    void hitsOfALiveCatalogNameTheSnapshotsHoldingThem() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageFinderTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(40)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
        StoreMoments moments = new StoreMoments();
        List<SnapshotId> snapshots = new ArrayList<>();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            moments.capture(store, StoreTree.Options.exact());
            snapshots.add(f.backup(store).snapshotId());
            new ChurnSimulator(ChurnSpec.defaults().toBuilder()
                            .seed(seed)
                            .expungeShare(0.05)
                            .moveShare(0.05)
                            .deliveryShare(0.05)
                            .build())
                    .simulateHour(store);
            moments.capture(store, StoreTree.Options.exact());
            snapshots.add(f.backup(store).snapshotId());

            MessageFinder finder = new MessageFinder(
                    SnapshotHistory.load(f.repository, f.catalog).all(), LedgerKeepers.NONE);
            List<MessageHit> hits;
            try (CatalogReader reader = f.catalog.read()) {
                hits = finder.search(reader, MessageQuery.all().withLimit(10_000))
                        .hits();
            }
            assertEquals(moments.all().size(), hits.size());
            long gone = 0;
            for (MessageHit hit : hits) {
                StoreMoments.Key key = new StoreMoments.Key(hit.mailbox(), hit.guid());
                assertEquals("", hit.info().firstSnapshot(), "a running backup does not know its snapshot id");
                assertEquals(
                        snapshots.get(moments.first(key)), hit.firstSnapshot().id(), "first of " + key);
                assertEquals(
                        snapshots.get(moments.last(key)), hit.lastSnapshot().id(), "last of " + key);
                gone += hit.present() ? 0 : 1;
            }
            assertEquals(moments.expungedBetween(0, 1).size(), gone);
            assertTrue(gone > 0);
        }
    }

    @Test
    void resolvesInterruptedRunsAndUnknownIdsByTime() {
        SnapshotSummary a = summary("a", 0, "h:/s");
        SnapshotSummary other = summary("o", 30, "h:/other");
        SnapshotSummary b = summary("b", 60, "h:/s");
        SnapshotSummary c = summary("c", 120, "h:/s");
        MessageFinder finder = new MessageFinder(List.of(c, other, a, b), LedgerKeepers.NONE);

        MessageHit exact =
                finder.resolve(found(info("", T0.plusSeconds(60), null, T0.plusSeconds(60))), Optional.empty());
        assertEquals(b, exact.firstSnapshot(), "the snapshot taken exactly at the run's start");
        assertEquals(c, exact.lastSnapshot(), "present: the latest snapshot of that store");

        MessageHit interrupted =
                finder.resolve(found(info("", T0.plusSeconds(40), null, T0.plusSeconds(40))), Optional.empty());
        assertEquals(b, interrupted.firstSnapshot(), "a run stopped after a checkpoint: the next snapshot");

        MessageHit unknownLast = finder.resolve(found(info(idOf("a"), T0, "?", T0.plusSeconds(90))), Optional.empty());
        assertEquals(a, unknownLast.firstSnapshot());
        assertEquals(b, unknownLast.lastSnapshot(), "an unknown last id: the store's newest at or before lastSeen");
        assertFalse(unknownLast.present());

        MessageHit future =
                finder.resolve(found(info("", T0.plusSeconds(500), null, T0.plusSeconds(500))), Optional.empty());
        assertNull(future.firstSnapshot(), "no completed snapshot holds it yet");
        assertNull(future.lastSnapshot());
    }

    private static SnapshotSummary summary(String name, long seconds, String store) {
        return new SnapshotSummary(SnapshotId.parse(idOf(name)), T0.plusSeconds(seconds), "h", store, 1);
    }

    /** The id of the snapshot called {@code name} here, as the search index records it. */
    private static String idOf(String name) {
        return String.format("%02x", (int) name.charAt(0)).repeat(32);
    }

    private static MessageInfo info(String first, Instant firstSeen, String last, Instant lastSeen) {
        return new MessageInfo(
                "id@x",
                null,
                null,
                null,
                null,
                first,
                firstSeen,
                last,
                lastSeen,
                last == null ? null : lastSeen.plusSeconds(3600),
                ".Sent",
                "S");
    }

    private static FoundMessage found(MessageInfo info) {
        return new FoundMessage("u", "1.M1P1.h", info);
    }
}
