package org.mailsnap.walk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.catalog.CatalogException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;

/**
 * Finds the selected folders of a snapshot and walks their messages into an output (see the package doc).
 *
 * <pre>{@code
 * SnapshotWalker walker = new SnapshotWalker(blobStore::get, snapshot.separator());
 * Selection selection = new Selection("example.org/anne", ".Sent", null);
 * for (FolderEntry folder : walker.select(snapshot, selection)) {
 *     walker.walkFolder(folder, selection, output);
 * }
 * }</pre>
 */
public final class SnapshotWalker {
    /** How many mailboxes an error about a missing one lists. */
    private static final int MAILBOXES_SHOWN = 5;

    private final BlobSource blobs;
    private final BaseNames bases;

    public SnapshotWalker(BlobSource blobs, char separator) {
        this.blobs = blobs;
        this.bases = new BaseNames(separator);
    }

    /**
     * The selected folders in tree order; with a message selected, only those whose manifest holds it. None is an
     * error that names what the snapshot has instead (its mailboxes, or the mailbox's folders).
     */
    public List<FolderEntry> select(Snapshot snapshot, Selection selection) throws IOException {
        List<FolderEntry> selected = new ArrayList<>();
        Set<String> mailboxes = new TreeSet<>();
        List<String> folders = new ArrayList<>();
        ChunkCursor.tree(snapshot.tree(), blobs).forEachRemaining(f -> {
            FolderKey key = f.key();
            if (mailboxes.size() <= MAILBOXES_SHOWN) {
                mailboxes.add(key.mailbox());
            }
            if (selection.mailbox() != null && selection.mailbox().equals(key.mailbox())) {
                folders.add(key.folder().isEmpty() ? "INBOX" : key.folder());
            }
            if (selection.holds(key)) {
                selected.add(f);
            }
        });
        if (selected.isEmpty()) {
            throw new IOException(missing(selection, mailboxes, folders));
        }
        return selection.message() == null ? selected : holdingMessage(selected, selection);
    }

    /** The one folder of a mailbox; an error naming the mailbox's folders when it has no such folder. */
    public FolderEntry folder(Snapshot snapshot, String mailbox, String folder) throws IOException {
        return select(snapshot, new Selection(mailbox, folder, null)).get(0);
    }

    private static String missing(Selection selection, Set<String> mailboxes, List<String> folders) {
        if (selection.mailbox() != null && !folders.isEmpty()) {
            return "mailbox '" + selection.mailbox() + "' has no folder '" + selection.folder()
                    + "' in the snapshot (its folders: " + String.join(", ", folders) + ")";
        }
        List<String> shown = new ArrayList<>(mailboxes);
        String known = String.join(", ", shown.subList(0, Math.min(MAILBOXES_SHOWN, shown.size())))
                + (shown.size() > MAILBOXES_SHOWN ? ", …" : "");
        if (selection.mailbox() != null) {
            return "the snapshot has no mailbox '" + selection.mailbox() + "' (mailboxes: " + known + ")";
        }
        return selection.folder() == null
                ? "the snapshot has no folders"
                : "no mailbox of the snapshot has the folder '" + selection.folder() + "' (mailboxes: " + known + ")";
    }

    /** True when the snapshot holds a message the selection selects: a question, never an error when it does not. */
    public boolean holds(Snapshot snapshot, Selection selection) throws IOException {
        ChunkCursor<FolderEntry> tree = ChunkCursor.tree(snapshot.tree(), blobs);
        for (FolderEntry folder = tree.next(); folder != null; folder = tree.next()) {
            if (selection.holds(folder.key()) && holdsMessage(folder, selection)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsMessage(FolderEntry folder, Selection selection) throws IOException {
        ChunkCursor<Placement> manifest = ChunkCursor.manifest(folder.manifest(), blobs);
        for (Placement p = manifest.next(); p != null; p = manifest.next()) {
            if (selection.holds(p, bases)) {
                return true;
            }
        }
        return false;
    }

    private List<FolderEntry> holdingMessage(List<FolderEntry> folders, Selection selection) throws IOException {
        List<FolderEntry> holding = new ArrayList<>();
        for (FolderEntry folder : folders) {
            if (holdsMessage(folder, selection)) {
                holding.add(folder);
            }
        }
        if (holding.isEmpty()) {
            throw new IOException("the snapshot has no message with base or GUID '" + selection.message() + "'"
                    + (selection.mailbox() == null && selection.folder() == null
                            ? ""
                            : " in " + selection.described()));
        }
        return holding;
    }

    /** Walks one folder's selected messages into {@code out}, one manifest chunk at a time, then ends it. */
    public void walkFolder(FolderEntry folder, Selection selection, FolderOutput out) throws IOException {
        try {
            ChunkCursor.manifest(folder.manifest(), this::manifestChunk).forEachRemaining(p -> {
                if (selection.holds(p, bases)) {
                    out.message(p);
                }
            });
        } catch (UnreadableChunk e) {
            out.manifestUnreadable(e.cause);
        } finally {
            out.end();
        }
    }

    /** A manifest chunk; a repository that cannot give it back is the output's to judge, not the walker's. */
    private byte[] manifestChunk(BlobId id) throws IOException {
        try {
            return blobs.get(id);
        } catch (InterruptedIOException | CatalogException | CatalogCorruptException notTheRepository) {
            throw notTheRepository; // interrupted, or the local catalog: every lookup is suspect, so stop
        } catch (IOException unreadable) {
            throw new UnreadableChunk(unreadable);
        }
    }

    /** Carries a chunk read failure past the output's own exceptions, which are not the manifest's. */
    private static final class UnreadableChunk extends IOException {
        private static final long serialVersionUID = 1L;
        final IOException cause;

        UnreadableChunk(IOException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }
}
