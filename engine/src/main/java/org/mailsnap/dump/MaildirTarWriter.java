package org.mailsnap.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.SafeNames;
import org.mailsnap.walk.Selection;
import org.mailsnap.walk.SnapshotWalker;

/**
 * Writes a folder of a snapshot as a tar stream (POSIX ustar, pax headers where needed: see {@code TarHeader})
 * that extracts to a Maildir:
 *
 * <pre>
 * TOP/            TOP/cur/   TOP/new/   TOP/tmp/        directories, mode 0700
 * TOP/&lt;control&gt;                                       dovecot-uidlist, dovecot-keywords, … as of the snapshot
 * TOP/cur/&lt;name&gt;  TOP/new/&lt;name&gt;                      message files, mode 0600, their mtimes (to the nanosecond)
 * </pre>
 * with TOP the given top directory (none when empty). {@code maildirfolder} is left out for the mailbox root, as a
 * restore leaves it out (it would break quota). Names come from the repository already checked by
 * {@link SafeNames}. Memory: one manifest chunk and one blob at a time.
 */
public final class MaildirTarWriter {
    private static final int DIRECTORY_MODE = 0700;
    private static final int FILE_MODE = 0600;

    private final BlobSource blobs;
    private final SnapshotWalker walker;

    public MaildirTarWriter(BlobSource blobs) {
        this.blobs = blobs;
        this.walker = new SnapshotWalker(blobs, BaseNames.DOVECOT.separator());
    }

    /**
     * Writes the archive to {@code out}, which is flushed, not closed.
     *
     * @param topDirectory a relative {@code /}-separated path every entry lies under, or {@code ""}
     */
    public DumpResult write(FolderEntry folder, String topDirectory, OutputStream out) throws IOException {
        String top = checkedTop(topDirectory);
        BufferedOutputStream tar = new BufferedOutputStream(out, 64 * 1024);
        long dirMtime = Math.max(folder.newDirMtimeNanos(), folder.curDirMtimeNanos());
        if (!top.isEmpty()) {
            directory(tar, top.substring(0, top.length() - 1), dirMtime);
        }
        directory(tar, top + "cur", folder.curDirMtimeNanos());
        directory(tar, top + "new", folder.newDirMtimeNanos());
        directory(tar, top + "tmp", dirMtime);
        long controlFiles = 0;
        for (ControlFile c : folder.controlFiles()) {
            if (folder.key().folder().isEmpty() && c.name().equals("maildirfolder")) {
                continue;
            }
            controlFile(tar, top + c.name(), c, folder);
            controlFiles++;
        }
        DumpCounts counts = new DumpCounts();
        walker.walkFolder(folder, Selection.ALL, p -> {
            message(tar, top + (p.inCur() ? "cur/" : "new/") + p.name(), p, folder);
            counts.message(p);
        });
        TarHeader.end(tar);
        tar.flush();
        return counts.withControlFiles(controlFiles);
    }

    private static String checkedTop(String topDirectory) throws CorruptDataException {
        String top = SafeNames.relativePath(topDirectory, "top directory");
        return top.isEmpty() ? "" : top + "/";
    }

    private static void directory(OutputStream tar, String path, long mtimeNanos) throws IOException {
        TarHeader.write(tar, path + "/", TarHeader.DIRECTORY, DIRECTORY_MODE, 0, mtimeNanos);
    }

    private void controlFile(OutputStream tar, String path, ControlFile c, FolderEntry folder) throws IOException {
        TarHeader.write(tar, path, TarHeader.FILE, FILE_MODE, c.size(), c.mtimeNanos());
        MessageBytes.copy(blobs, c.chunks(), c.size(), 0, tar, "control file " + c.name() + " of " + folder.key());
        TarHeader.pad(tar, c.size());
    }

    private void message(OutputStream tar, String path, Placement p, FolderEntry folder) throws IOException {
        String what = "message " + p.name() + " of " + folder.key();
        TarHeader.write(tar, path, TarHeader.FILE, FILE_MODE, p.content().size(), p.mtimeNanos());
        byte[] header = MessageBytes.header(blobs, p.content(), what);
        tar.write(header);
        MessageBytes.copy(blobs, p.content().body(), p.content().size(), header.length, tar, what);
        TarHeader.pad(tar, p.content().size());
    }
}
