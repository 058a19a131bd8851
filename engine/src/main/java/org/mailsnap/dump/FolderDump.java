package org.mailsnap.dump;

import java.io.IOException;
import java.io.OutputStream;
import org.mailsnap.model.FolderKey;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.SnapshotWalker;

/**
 * {@code mailsnap dump}: one folder of a snapshot, as an mbox or a Maildir tar, to a stream.
 *
 * <pre>{@code
 * new FolderDump(blobStore::get).write(snapshot, "example.org/alice", ".Sent", DumpFormat.MBOX, System.out);
 * }</pre>
 */
public final class FolderDump {
    private final BlobSource blobs;

    public FolderDump(BlobSource blobs) {
        this.blobs = blobs;
    }

    /**
     * Writes the folder in {@code format} to {@code out} (flushed, not closed); a mailbox without that folder is an
     * error naming its folders. A tar's entries lie under {@link #defaultTopDirectory}.
     *
     * @param folder the folder as in the tree: {@code ""} for INBOX, {@code .Sent}, {@code Sent/2024} for LAYOUT=fs
     */
    public DumpResult write(Snapshot snapshot, String mailbox, String folder, DumpFormat format, OutputStream out)
            throws IOException {
        FolderEntry entry = new SnapshotWalker(blobs, snapshot.separator()).folder(snapshot, mailbox, folder);
        return switch (format) {
            case MBOX -> new MboxWriter(blobs).write(entry, out);
            case MAILDIR_TAR -> new MaildirTarWriter(blobs).write(entry, defaultTopDirectory(entry.key()), out);
        };
    }

    /** {@code INBOX} for the root, else the folder without the leading {@code .} of Maildir++. */
    public static String defaultTopDirectory(FolderKey key) {
        String f = key.folder();
        if (f.isEmpty()) {
            return "INBOX";
        }
        return f.startsWith(".") && f.length() > 1 ? f.substring(1) : f;
    }
}
