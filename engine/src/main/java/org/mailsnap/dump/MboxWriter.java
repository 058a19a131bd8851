package org.mailsnap.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.walk.Selection;
import org.mailsnap.walk.SnapshotWalker;

/**
 * Writes a folder of a snapshot as one <b>mboxrd</b> file, in manifest (base) order, which for Dovecot's names is
 * arrival order.
 *
 * <pre>
 * mbox    := message*
 * message := "From " sender " " asctime-date LF   (see FromLine)
 *            quoted bytes of the message file      (lines matching ^>*From  get one more "&gt;")
 *            [LF]                                   (only when the message does not end with LF)
 *            LF                                     (the empty line that separates messages)
 * </pre>
 * Bytes are written as stored, CRLF line ends included: no line-end conversion, no header rewriting (so
 * {@code Status:}/{@code X-Status:} flags are not added). A reader that strips one {@code >} from lines matching
 * {@code ^>+From } and drops the separating empty line gets every message back byte for byte, except that a
 * message not ending with LF gains one. Memory: one manifest chunk and one blob at a time.
 */
public final class MboxWriter {
    private final BlobSource blobs;
    private final SnapshotWalker walker;

    public MboxWriter(BlobSource blobs) {
        this.blobs = blobs;
        this.walker = new SnapshotWalker(blobs, BaseNames.DOVECOT.separator());
    }

    /** Writes every message of {@code folder} to {@code out}, which is flushed, not closed. */
    public DumpResult write(FolderEntry folder, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        FromQuoting quoting = new FromQuoting(buffered);
        DumpCounts counts = new DumpCounts();
        walker.walkFolder(folder, Selection.ALL, p -> {
            writeMessage(folder.key(), p, buffered, quoting);
            counts.message(p);
        });
        buffered.flush();
        return counts.withControlFiles(0);
    }

    private void writeMessage(FolderKey key, Placement p, OutputStream out, FromQuoting quoting) throws IOException {
        String what = "message " + p.name() + " of " + key;
        byte[] header = MessageBytes.header(blobs, p.content(), what);
        out.write(FromLine.of(header, p.mtimeNanos()));
        quoting.write(header, 0, header.length);
        MessageBytes.copy(blobs, p.content().body(), p.content().size(), header.length, quoting, what);
        if (!quoting.endMessage()) {
            out.write('\n');
        }
        out.write('\n');
    }
}
