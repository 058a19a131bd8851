package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.check.AffectedMessage;
import org.mailsnap.check.CheckResult;
import org.mailsnap.check.Checker;
import org.mailsnap.check.DataSelection;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.Pruning;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.restore.LedgerSnapshot;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.Snapshot;

/**
 * What keeps a deleted-mail ledger's messages: prune marks the ledger and the blobs its entries name (they restore
 * bit-exactly after a prune that repacked every dead byte, and a merge restore of the ledger puts them back into the
 * live store; mail that left before the window is gone from every pack), check walks the ledger and names a damaged entry by mailbox, folder and message, and {@code forget
 * --mailbox} removes that mailbox's entries.
 */
class DeletedMailPruneTest {
    @TempDir
    Path tmp;

    @Test
    void pruneKeepsTheLedgersMailCheckNamesItsDamageAndForgetMailboxRemovesIt() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("repo"))) {
            DeletedMailHistory history = DeletedMailHistory.ofDays(f, tmp, 6);
            history.forgetAllButTheNewest("2d");
            long windowStart = history.times.get(5).minus(Duration.ofDays(2)).getEpochSecond();
            Map<String, DeletedMailHistory.Gone> kept = history.goneSince(windowStart);
            assertFalse(kept.isEmpty(), "mail left within the window");

            Pruning.prune(f.repository, new PruneOptions(0, false));
            DeletedMailLedgerTest.assertLedger(f, kept); // every entry's bytes, read back after the prune

            Set<BlobId> live = new HashSet<>();
            SnapshotId newest = f.snapshotIds().iterator().next();
            for (List<Placement> folder : f.placements(newest).values()) {
                folder.forEach(p -> live.addAll(blobs(p)));
            }
            kept.values().forEach(g -> live.addAll(blobs(g.placement())));
            Set<BlobId> packed = packedIds(f);
            int expired = 0;
            for (DeletedMailHistory.Gone g : history.gone) {
                if (g.goneBy() < windowStart
                        && !live.contains(g.placement().content().header())) {
                    assertFalse(
                            packed.contains(g.placement().content().header()),
                            g.key() + " left before the window: pruned");
                    expired++;
                }
            }
            assertTrue(expired > 0, "some mail expired");
            assertTrue(check(f).clean(), "check walks the ledger and finds it whole");
            restoresIntoTheLiveStore(f, history, kept);

            // forget --mailbox: the ledger loses that mailbox's entries, keeps the others
            String mailbox = kept.values().iterator().next().folder().mailbox();
            new ForgetMailbox(f.repository, f.catalog.blobs()).run(mailbox, n -> {});
            Map<String, DeletedMailHistory.Gone> others = new TreeMap<>(kept);
            others.values().removeIf(g -> g.folder().mailbox().equals(mailbox));
            DeletedMailLedgerTest.assertLedger(f, others);
            assertTrue(new ForgetMailbox(f.repository, f.catalog.blobs())
                    .holding(mailbox)
                    .isEmpty());

            // a lost pack that held a deleted message: check names the message, in the ledger
            if (!others.isEmpty()) {
                DeletedMailHistory.Gone victim = others.values().iterator().next();
                PackId pack = packOf(f, victim.placement().content().header());
                Files.delete(f.dir.resolve("repo").resolve("data/" + pack.hex().substring(0, 2) + "/" + pack.hex()));
                CheckResult damaged = check(f);
                assertFalse(damaged.clean());
                String base = BaseNames.DOVECOT.baseOf(victim.placement().name());
                AffectedMessage named = damaged.messages().stream()
                        .filter(m -> m.mailbox().equals(victim.folder().mailbox())
                                && m.folder().equals(victim.folder().folder())
                                && m.fileName().equals(victim.placement().name()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(base + " not named: " + damaged.messages()));
                assertTrue(named.problems().get(0).startsWith("deleted, in the ledger: "), named.toString());
            }
        }
    }

    /**
     * Every message that left the store within the window, and that its mailbox does not hold now, goes back into
     * its folder (the latest folder it left) with its name, mtime and bytes, by a merge restore of the ledger.
     */
    private static void restoresIntoTheLiveStore(
            BackupFixture f, DeletedMailHistory history, Map<String, DeletedMailHistory.Gone> kept) throws IOException {
        Map<String, Set<String>> heldNow = new TreeMap<>(); // mailbox → bases in any folder
        Map<String, DeletedMailHistory.Gone> latest = new TreeMap<>(); // mailbox NUL base → latest departure
        for (DeletedMailHistory.Gone g : kept.values()) {
            String mailbox = g.folder().mailbox();
            heldNow.computeIfAbsent(mailbox, m -> basesIn(history.store.resolve(m)));
            latest.merge(
                    mailbox + '\0' + BaseNames.DOVECOT.baseOf(g.placement().name()),
                    g,
                    (a, b) -> b.goneBy() > a.goneBy() ? b : a);
        }
        Snapshot carrier =
                SnapshotObjects.load(f.repository).current().values().iterator().next();
        LedgerSnapshot view = LedgerSnapshot.of(carrier, f.repository.openBlobStore(f.catalog.blobs())::get, g -> true);
        assertEquals(latest.size(), view.messages(), "one per message");
        for (String mailbox : view.mailboxes()) {
            RestoreResult r = new Restorer(view.blobs(), 2)
                    .restore(
                            view.snapshot(),
                            new RestoreRequest(mailbox, null, null, history.store.resolve(mailbox), RestoreMode.MERGE));
            assertFalse(r.partial(), r.failures().toString());
        }
        int restored = 0;
        for (DeletedMailHistory.Gone g : latest.values()) {
            String base = BaseNames.DOVECOT.baseOf(g.placement().name());
            if (heldNow.get(g.folder().mailbox()).contains(base)
                    || !g.placement().guid().isEmpty()) {
                continue; // moved within its mailbox: still there, a merge skips it
            }
            Path file = history.store.resolve(DeletedMailHistory.path(g.folder(), g.placement()));
            assertTrue(Files.exists(file), g.key() + " restored as " + file);
            assertArrayEquals(g.bytes(), Files.readAllBytes(file), g.key());
            assertEquals(
                    g.placement().mtimeNanos() / 1_000_000,
                    Files.getLastModifiedTime(file).toMillis(),
                    g.key());
            restored++;
        }
        assertTrue(restored > 0, "expunged mail came back");
    }

    private static Set<String> basesIn(Path mailbox) {
        Set<String> bases = new HashSet<>();
        try (var files = Files.walk(mailbox)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().matches("cur|new"))
                    .forEach(p ->
                            bases.add(BaseNames.DOVECOT.baseOf(p.getFileName().toString())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bases;
    }

    private static CheckResult check(BackupFixture f) throws IOException {
        try (CatalogReader reader = f.catalog.read()) {
            return new Checker(f.repository, DataSelection.ALL, reader::message).run();
        }
    }

    private static List<BlobId> blobs(Placement p) {
        List<BlobId> ids = new java.util.ArrayList<>(p.content().body());
        ids.add(p.content().header());
        return ids;
    }

    private static Set<BlobId> packedIds(BackupFixture f) throws IOException {
        PackMaintenance m = f.repository.packMaintenance();
        Set<BlobId> ids = new HashSet<>();
        for (PackId pack : m.listPacks().keySet()) {
            ids.addAll(f.repository.maintenance().readPackHeader(pack).blobs().stream()
                    .map(IndexedBlob::id)
                    .toList());
        }
        return ids;
    }

    private static PackId packOf(BackupFixture f, BlobId blob) throws IOException {
        PackMaintenance m = f.repository.packMaintenance();
        for (PackId pack : m.listPacks().keySet()) {
            if (f.repository.maintenance().readPackHeader(pack).blobs().stream()
                    .map(IndexedBlob::id)
                    .toList()
                    .contains(blob)) {
                return pack;
            }
        }
        throw new AssertionError("no pack holds " + blob);
    }
}
