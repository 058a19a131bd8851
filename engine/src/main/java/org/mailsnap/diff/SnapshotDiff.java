package org.mailsnap.diff;

import java.io.IOException;
import java.util.Comparator;
import org.mailsnap.maildir.FlagWords;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.CapturedKeywords;

/**
 * What changed between two snapshots (see the package doc for the algorithm).
 *
 * <pre>{@code
 * DiffTotals totals = new SnapshotDiff(blobStore::get, catalogReader::message).diff(older, newer, printer);
 * }</pre>
 */
public final class SnapshotDiff {
    private final BlobSource blobs;
    private final MessageIndex index;

    public SnapshotDiff(BlobSource blobs, MessageIndex index) {
        this.blobs = blobs;
        this.index = index;
    }

    /** Sends every change from {@code before} to {@code after} to {@code out}, mailbox by mailbox. */
    public DiffTotals diff(Snapshot before, Snapshot after, DiffOutput out) throws IOException {
        Walk walk = new Walk(new BaseNames(before.separator()), new BaseNames(after.separator()), out);
        OrderedCursor<FolderEntry> was = new OrderedCursor<>(
                ChunkCursor.tree(before.tree(), blobs),
                Comparator.comparing(FolderEntry::key),
                "the first snapshot's folder list");
        OrderedCursor<FolderEntry> now = new OrderedCursor<>(
                ChunkCursor.tree(after.tree(), blobs),
                Comparator.comparing(FolderEntry::key),
                "the second snapshot's folder list");
        for (FolderEntry a = was.peek(), b = now.peek(); a != null || b != null; a = was.peek(), b = now.peek()) {
            int order = a == null ? 1 : b == null ? -1 : a.key().compareTo(b.key());
            walk.folder(order <= 0 ? was.next() : null, order >= 0 ? now.next() : null);
        }
        walk.endMailbox();
        return walk.totals;
    }

    /** One diff's state: the mailbox being compared, its pending moves, the totals so far. */
    private final class Walk {
        private final BaseNames basesBefore;
        private final BaseNames basesAfter;
        private final DiffOutput out;
        private final PendingMoves pending = new PendingMoves();
        private String mailbox;
        private DiffTotals totals = DiffTotals.NONE;

        Walk(BaseNames basesBefore, BaseNames basesAfter, DiffOutput out) {
            this.basesBefore = basesBefore;
            this.basesAfter = basesAfter;
            this.out = out;
        }

        /** A folder of either or both snapshots; equal manifest chunks are equal folders, not read. */
        void folder(FolderEntry was, FolderEntry now) throws IOException {
            String folderMailbox = (was != null ? was : now).key().mailbox();
            if (!folderMailbox.equals(mailbox)) {
                endMailbox();
                mailbox = folderMailbox;
            }
            if (was != null && now != null && was.manifest().equals(now.manifest())) {
                return;
            }
            String folder = (was != null ? was : now).key().folder();
            Keywords keywordsBefore = was == null ? null : CapturedKeywords.forNaming(was, blobs);
            Keywords keywordsAfter = now == null ? null : CapturedKeywords.forNaming(now, blobs);
            OrderedCursor<Placement> a = placements(was, basesBefore, "first");
            OrderedCursor<Placement> b = placements(now, basesAfter, "second");
            for (Placement p = a.peek(), q = b.peek(); p != null || q != null; p = a.peek(), q = b.peek()) {
                int order = p == null
                        ? 1
                        : q == null
                                ? -1
                                : BaseNames.ORDER.compare(basesBefore.baseOf(p.name()), basesAfter.baseOf(q.name()));
                if (order < 0) {
                    a.next();
                    pending.left(
                            p.identity(basesBefore.baseOf(p.name())), state(folder, p, basesBefore, keywordsBefore));
                } else if (order > 0) {
                    b.next();
                    pending.arrived(
                            q.identity(basesAfter.baseOf(q.name())), state(folder, q, basesAfter, keywordsAfter));
                } else {
                    a.next();
                    b.next();
                    if (!p.name().equals(q.name()) || p.inCur() != q.inCur()) {
                        change(
                                Change.Kind.FLAGS_CHANGED,
                                q.identity(basesAfter.baseOf(q.name())),
                                state(folder, p, basesBefore, keywordsBefore),
                                state(folder, q, basesAfter, keywordsAfter));
                    }
                }
            }
        }

        void endMailbox() throws IOException {
            pending.flush(this::change);
        }

        private void change(Change.Kind kind, String guid, MessageState before, MessageState after) throws IOException {
            out.change(new Change(
                    kind,
                    mailbox,
                    guid,
                    before,
                    after,
                    index.message(mailbox, guid).orElse(null)));
            totals = totals.plus(kind);
        }

        private OrderedCursor<Placement> placements(FolderEntry folder, BaseNames bases, String which) {
            ChunkCursor<Placement> cursor =
                    folder == null ? ChunkCursor.empty() : ChunkCursor.manifest(folder.manifest(), blobs);
            return new OrderedCursor<>(
                    cursor,
                    (x, y) -> BaseNames.ORDER.compare(bases.baseOf(x.name()), bases.baseOf(y.name())),
                    "the " + which + " snapshot's manifest of " + (folder == null ? "?" : folder.key()));
        }

        private MessageState state(String folder, Placement p, BaseNames bases, Keywords keywords) {
            return new MessageState(
                    folder, bases.baseOf(p.name()), p, FlagWords.of(p.name(), bases.separator(), keywords));
        }
    }
}
