package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mailsnap.check.AffectedSnapshot;
import org.mailsnap.check.CheckResult;
import org.mailsnap.check.Finding;
import org.mailsnap.check.IndexRepair;
import org.mailsnap.history.DamagedSnapshot;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.prune.PruneResult;
import org.mailsnap.recovery.RebuildResult;
import org.mailsnap.repository.KeyInfo;
import org.mailsnap.repository.LockInfo;
import org.mailsnap.retention.Candidate;
import org.mailsnap.retention.Decision;
import org.mailsnap.retention.DeletedMailLedger;
import org.mailsnap.retention.ForgetPlan;
import org.mailsnap.retention.LedgerTally;

/**
 * The maintenance commands' renderings without a repository: {@link PruneText}, {@link UnlockText}, {@link
 * ForgetText}, {@link KeyText}, {@link KeyJson}, {@link CatalogText} and {@link RepairText}, each pinned line by line.
 */
class MaintenanceRenderingTest {
    static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");
    static final String ID1 = "1111111111111111aaaaaaaaaaaaaaaa";
    static final String ID2 = "2222222222222222bbbbbbbbbbbbbbbb";
    static final SnapshotId SNAPSHOT1 = SnapshotId.parse(ID1.repeat(2));
    static final SnapshotId SNAPSHOT2 = SnapshotId.parse(ID2.repeat(2));

    static String render(Consumer<PrintWriter> printer) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            printer.accept(out);
        }
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    static PruneResult pruned(boolean changed, boolean dryRun, int temporaryFilesRemoved) {
        return new PruneResult(
                3,
                40,
                5 << 20,
                2,
                7,
                4,
                1,
                2,
                1,
                1,
                8 << 20,
                6 << 20,
                2 << 20,
                9,
                1,
                1,
                2,
                changed,
                dryRun,
                temporaryFilesRemoved);
    }

    @Test
    void pruneSaysWhatWasKeptRewrittenAndFreed() {
        String common = "snapshots 3, live blobs 40 (live set " + Units.bytes(5 << 20) + ")\n"
                + "packs 7: 4 kept, 1 repacked, 2 deleted; unindexed: 1 deleted, 1 left for the next prune\n"
                + Units.bytes(8 << 20) + " in packs, " + Units.bytes(6 << 20) + " live, " + Units.bytes(2 << 20);
        assertEquals(
                common + " freed\n2 half-written file(s) of killed runs removed\n"
                        + "wrote 1 packs (9 blobs copied) and 1 index files; 2 old index files deleted\n",
                render(out -> PruneText.print(pruned(true, false, 2), out)));
        assertEquals(
                common + " would be freed\ndry run: nothing changed\n",
                render(out -> PruneText.print(pruned(false, true, 0), out)));
        assertEquals(
                common + " freed\nnothing to prune\n", render(out -> PruneText.print(pruned(false, false, 0), out)));
    }

    @Test
    void unlockListsRemovedThenKeptThenCounts() {
        LockInfo stale = new LockInfo(
                ObjectId.parse("aa".repeat(32)),
                true,
                "root@mx1",
                42,
                NOW.minusSeconds(7200),
                NOW.minusSeconds(3600),
                true,
                "");
        LockInfo live = new LockInfo(
                ObjectId.parse("bb".repeat(32)), false, "root@mx2", 43, NOW.minusSeconds(60), NOW, false, "");
        assertEquals(
                "removed " + stale.describe(NOW) + "\nkept " + live.describe(NOW) + "\n1 lock(s) removed\n",
                render(out -> UnlockText.print(List.of(stale), List.of(live), NOW, out)));
        assertEquals("0 lock(s) removed\n", render(out -> UnlockText.print(List.of(), List.of(), NOW, out)));
    }

    @Test
    void forgetTabulatesEachGroupThenLedgersThenTheCount() {
        Candidate keep = new Candidate(SNAPSHOT1, NOW, "mx1", List.of());
        Candidate drop = new Candidate(SNAPSHOT2, NOW.minusSeconds(86400), "mx1", List.of());
        ForgetPlan plan = new ForgetPlan(
                List.of(new ForgetPlan.Group(
                        "mx1", List.of(new Decision(keep, List.of("last", "daily")), new Decision(drop, List.of())))),
                List.of(),
                List.of(),
                List.of());
        assertEquals(
                "mx1: keep 1, remove 1\n"
                        + "  ID            TIME                 ACTION  REASONS\n"
                        + "  111111111111  2026-12-05 04:00:00  keep    last, daily\n"
                        + "  222222222222  2026-12-04 04:00:00  remove  \n",
                render(out -> ForgetText.plan(plan, ZoneOffset.UTC, out)));
        List<DeletedMailLedger.Outcome> ledgers =
                List.of(new DeletedMailLedger.Outcome("mx1", new LedgerTally(5, 2, 3, 1, 2048), SNAPSHOT2, SNAPSHOT1));
        String tally = "deleted mail of mx1: 5 messages (" + Units.bytes(2048)
                + ") kept restorable (2 newly, 3 still within the window, 1 expired); ";
        assertEquals(
                tally + "carried by 111111111111, which replaces 222222222222\n",
                render(out -> ForgetText.ledgers(ledgers, false, out)));
        assertEquals(
                tally + "would be carried by a replacement of 222222222222\n",
                render(out -> ForgetText.ledgers(ledgers, true, out)));
        assertEquals(
                "would remove 1 of 2 snapshots (dry run: nothing changed)\n",
                render(out -> ForgetText.removed(1, plan, true, out)));
        assertEquals("removed 1 of 2 snapshots\n", render(out -> ForgetText.removed(1, plan, false, out)));
    }

    @Test
    void keysAsTextAndJson() {
        KeyInfo used = new KeyInfo(ID1, "root@mx1", null, true, "");
        KeyInfo broken = new KeyInfo(ID2, "?", null, false, "cannot be decrypted");
        assertEquals(
                String.format("%-2s %-32s %-19s %s%n", "", "ID", "CREATED", "LABEL")
                                .replace(System.lineSeparator(), "\n")
                        + "*  " + ID1 + " ?                   root@mx1\n"
                        + "   " + ID2 + " ?                   ?  (cannot be decrypted)\n",
                render(out -> KeyText.list(List.of(used, broken), out)));
        assertEquals("added key " + ID1, KeyText.added(used));
        assertEquals("password changed (new key " + ID1 + ")", KeyText.passwordChanged(used));
        assertEquals("removed key 1111", KeyText.removed("1111"));
        assertEquals("{\"key\":\"" + ID1 + "\"}", Json.object(KeyJson.key(used)));
        assertEquals("{\"removed\":\"1111\"}", Json.object(KeyJson.removed("1111")));
        assertEquals(
                "{\"keys\":[{\"id\":\"" + ID1 + "\",\"inUse\":true,\"created\":null,\"label\":\"root@mx1\","
                        + "\"problem\":null},{\"id\":\"" + ID2 + "\",\"inUse\":false,\"created\":null,\"label\":\"?\","
                        + "\"problem\":\"cannot be decrypted\"}]}",
                Json.object(KeyJson.list(List.of(used, broken))));
    }

    @Test
    void catalogRebuildReportsCountsAndWarnsAboutWhatIsMissing() {
        RebuildResult r = new RebuildResult(
                2,
                5,
                10,
                100,
                90,
                4,
                120,
                1_500_000_000L,
                List.of(new DamagedSnapshot(SNAPSHOT2, "manifest unreadable")),
                3);
        assertEquals(
                "catalog rebuilt in /cat from 5 snapshots of 2 stores: 10 folders, 100 placements, 90 messages"
                        + " indexed (4 gone), 120 blobs indexed, " + String.format("%.1f", 1.5) + " s\n",
                render(out -> CatalogText.rebuilt(Path.of("/cat"), r, out)));
        assertEquals(
                "warning: " + new DamagedSnapshot(SNAPSHOT2, "manifest unreadable").describe() + "\n"
                        + "warning: 7 messages have an unreadable header blob and are indexed without Subject or"
                        + " Message-ID\n"
                        + "warning: 3 indexed blobs are in packs missing from the repository; the next backup stores"
                        + " again what the store still has ('mailsnap check' names the messages)\n",
                render(err -> CatalogText.warnings(r, 7, err)));
        RebuildResult clean = new RebuildResult(1, 1, 1, 1, 1, 0, 1, 0, List.of(), 0);
        assertEquals("", render(err -> CatalogText.warnings(clean, 0, err)));
    }

    @Test
    void repairSaysWhatItIndexedThenWhatIsStillDamaged() {
        ObjectId superseded = ObjectId.parse("ab".repeat(32));
        CheckResult.Stats stats = new CheckResult.Stats(1, 1, 1, 1, 0, 0, 1, 1);
        CheckResult intact = new CheckResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), stats);
        IndexRepair.Result fixed = new IndexRepair.Result(
                List.of(new PackId("cd".repeat(32)), new PackId("ef".repeat(32))),
                List.of(superseded),
                List.of(superseded),
                List.of(),
                intact);
        assertEquals(
                "indexed 2 packs anew, replaced 1 index files, wrote 1 index files\n"
                        + "  superseded index abababababab\n"
                        + "the repository's structure is intact\n",
                render(out -> RepairText.print(fixed, true, out, new PrintWriter(new StringWriter()))));

        CheckResult damaged = new CheckResult(
                List.of(new Finding("pack 3f2a", "missing")),
                List.of(),
                List.of(new AffectedSnapshot(SNAPSHOT1, NOW, "mx1", 4, List.of("INBOX: manifest chunk unreadable"))),
                List.of(),
                List.of(),
                List.of(),
                stats);
        IndexRepair.Result partial = new IndexRepair.Result(
                List.of(), List.of(), List.of(), List.of(new Finding("pack 9c", "unreadable")), damaged);
        StringWriter err = new StringWriter();
        assertEquals(
                "indexed 0 packs anew, replaced 0 index files, wrote 0 index files\n"
                        + "still damaged (run 'mailsnap check' for the messages concerned):\n"
                        + "  pack 3f2a: missing\n"
                        + "  snapshot 111111111111 cannot be completed: 4 messages; INBOX: manifest chunk unreadable\n",
                render(out -> RepairText.print(partial, false, out, new PrintWriter(err, true))));
        assertEquals("warning: pack 9c: unreadable" + System.lineSeparator(), err.toString());
    }
}
