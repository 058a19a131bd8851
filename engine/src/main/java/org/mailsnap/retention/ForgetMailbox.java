package org.mailsnap.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.LedgerWriter;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotStats;
import org.mailsnap.snapshot.TreeWriter;

/**
 * {@code forget --mailbox}: removes one mailbox from every snapshot by replacing each snapshot that holds it with a
 * snapshot that supersedes it (format-spec/operations.md, "forget --mailbox", for the steps and the crash
 * analysis). Under a shared lock, like a backup: other hosts' backups go on, a prune waits.
 *
 * <p>A snapshot whose deleted-mail ledger has entries of the mailbox holds it too: its replacement carries the
 * ledger without them (format-spec/operations.md, "forget --keep-deleted-within").
 *
 * <p>Only snapshot objects change; the mailbox's blobs stay until a prune, which then deletes every one no other
 * mailbox references. The caller drops the mailbox's state from its local catalog ({@code
 * CatalogWriter.forgetMailbox}); other hosts' catalogs do it when they first read a replacement.
 */
public final class ForgetMailbox {
    private final Repository repository;
    private final BlobIndex blobIndex;

    /**
     * What the run did.
     *
     * @param replaced          snapshots replaced by one without the mailbox (old id, new id)
     * @param leftoversDeleted  superseded snapshots an interrupted run had left, deleted
     * @param unreadable        snapshots that could not be read: left as they are (they may hold the mailbox)
     */
    public record Result(
            List<Map.Entry<SnapshotId, SnapshotId>> replaced, int leftoversDeleted, List<String> unreadable) {
        public Result {
            replaced = List.copyOf(replaced);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** @param blobIndex where the new tree chunks' locations are recorded (the catalog's blob index) */
    public ForgetMailbox(Repository repository, BlobIndex blobIndex) {
        this.repository = repository;
        this.blobIndex = blobIndex;
    }

    /** Which snapshots hold {@code mailbox}; changes nothing. */
    public List<SnapshotId> holding(String mailbox) throws IOException {
        List<SnapshotId> ids = new ArrayList<>();
        BlobStore blobs = repository.openBlobStore(blobIndex);
        for (Map.Entry<SnapshotId, Snapshot> e : oldestFirst(SnapshotObjects.load(repository))) {
            if (!foldersWithout(e.getValue(), mailbox, blobs).removed().isEmpty()
                    || ledgerHolds(e.getValue(), mailbox, blobs)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    public Result run(String mailbox, java.util.function.IntConsumer progress) throws IOException {
        List<Map.Entry<SnapshotId, SnapshotId>> replaced = new ArrayList<>();
        try (RepositoryLock lock = repository.lockShared()) {
            SnapshotObjects objects = SnapshotObjects.load(repository);
            // 2. what an interrupted run left: superseded, so ignored by readers, but still holding the mailbox
            List<SnapshotId> leftovers = objects.superseded();
            for (SnapshotId id : leftovers) {
                lock.checkHeld();
                SnapshotStore.delete(repository, id);
            }
            BlobStore blobs = repository.openBlobStore(blobIndex);
            for (Map.Entry<SnapshotId, Snapshot> e : oldestFirst(objects)) {
                Snapshot original = e.getValue();
                Split split = foldersWithout(original, mailbox, blobs);
                boolean inLedger = ledgerHolds(original, mailbox, blobs);
                if (split.removed().isEmpty() && !inLedger) {
                    continue;
                }
                lock.checkHeld();
                // 3.1 the tree without the mailbox, cut as backups cut trees (equal folders, equal chunks);
                // manifests and control files are shared by id; the ledger without its entries
                TreeWriter tree = new TreeWriter(TreeWriter.chunker(repository.chunkerSeed()), blobs::put);
                for (FolderEntry folder : split.kept()) {
                    tree.add(folder);
                }
                List<BlobId> treeIds = tree.finish();
                Optional<List<BlobId>> ledger =
                        inLedger ? Optional.of(ledgerWithout(original, mailbox, blobs)) : original.deleted();
                blobs.flush();
                // 3.2 the replacement, then 3.3 what it replaces
                SnapshotId id = SnapshotStore.save(
                        repository, replacement(e.getKey(), original, mailbox, split, treeIds, ledger));
                for (SnapshotId older : original.supersedes()) {
                    SnapshotStore.delete(repository, older); // gone already: harmless
                }
                SnapshotStore.delete(repository, e.getKey());
                replaced.add(Map.entry(e.getKey(), id));
                progress.accept(replaced.size());
            }
            return new Result(
                    replaced,
                    leftovers.size(),
                    objects.unreadable().entrySet().stream()
                            .map(u -> u.getKey() + ": " + u.getValue().getMessage())
                            .toList());
        }
    }

    private static List<Map.Entry<SnapshotId, Snapshot>> oldestFirst(SnapshotObjects objects) {
        return objects.current().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().time()))
                .toList();
    }

    /** A snapshot's folders, those of the mailbox apart. */
    private record Split(List<FolderEntry> kept, List<FolderEntry> removed) {}

    private static Split foldersWithout(Snapshot snapshot, String mailbox, BlobStore blobs) throws IOException {
        List<FolderEntry> kept = new ArrayList<>();
        List<FolderEntry> removed = new ArrayList<>();
        ChunkCursor.tree(snapshot.tree(), blobs::get)
                .forEachRemaining(f -> (f.key().mailbox().equals(mailbox) ? removed : kept).add(f));
        return new Split(kept, removed);
    }

    /** True when the snapshot's deleted-mail ledger has entries of {@code mailbox}. */
    private static boolean ledgerHolds(Snapshot snapshot, String mailbox, BlobStore blobs) throws IOException {
        ChunkCursor<GonePlacement> entries = ChunkCursor.ledger(snapshot.ledger(), blobs::get);
        for (GonePlacement g = entries.next(); g != null; g = entries.next()) {
            if (g.folder().mailbox().equals(mailbox)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the snapshot's ledger without {@code mailbox}'s entries (cut as before); returns its chunk ids. */
    private List<BlobId> ledgerWithout(Snapshot snapshot, String mailbox, BlobStore blobs) throws IOException {
        LedgerWriter ledger = new LedgerWriter(
                LedgerWriter.chunker(repository.chunkerSeed()), new BaseNames(snapshot.separator()), blobs::put);
        ChunkCursor<GonePlacement> entries = ChunkCursor.ledger(snapshot.ledger(), blobs::get);
        for (GonePlacement g = entries.next(); g != null; g = entries.next()) {
            if (!g.folder().mailbox().equals(mailbox)) {
                ledger.add(g);
            }
        }
        return ledger.finish();
    }

    /**
     * The original's time, host, store and tags, the kept folders, its figures less the removed folders', and its
     * deleted-mail ledger ({@code ledger}: without the mailbox's entries) if it carries one.
     */
    private static Snapshot replacement(
            SnapshotId originalId,
            Snapshot original,
            String mailbox,
            Split split,
            List<BlobId> tree,
            Optional<List<BlobId>> ledger) {
        SnapshotStats st = original.stats();
        long folders = split.removed().size();
        long messages =
                split.removed().stream().mapToLong(FolderEntry::messages).sum();
        long bytes = split.removed().stream().mapToLong(FolderEntry::bytes).sum();
        List<String> failed =
                st.failedMailboxes().stream().filter(m -> !m.equals(mailbox)).toList();
        long mailboxes = split.removed().isEmpty() ? st.mailboxes() : Math.max(0, st.mailboxes() - 1);
        SnapshotStats stats = new SnapshotStats(
                mailboxes,
                st.folders() - folders,
                st.messages() - messages,
                st.bytes() - bytes,
                st.newMessages(),
                st.newBytes(),
                st.storedBytes(),
                st.lockHoldMaxNanos(),
                st.lockHoldTotalNanos(),
                st.durationNanos(),
                failed);
        TreeSet<String> removed = new TreeSet<>(original.removed());
        removed.add(mailbox);
        return original.replacement(originalId, tree, stats, new ArrayList<>(removed), ledger);
    }
}
