package org.mailsnap.walk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.BlobId;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;

/** A folder's {@code dovecot-keywords} as the snapshot captured it: what its keyword letters meant then. */
public final class CapturedKeywords {
    private CapturedKeywords() {}

    /**
     * The folder's keywords for naming keyword letters in a listing; null when it had no keywords file or the
     * repository cannot give it back (the letters then go unnamed, the listing goes on).
     */
    public static Keywords forNaming(FolderEntry folder, BlobSource blobs) throws InterruptedIOException {
        try {
            return of(folder, blobs);
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The folder's keywords; null when it had no keywords file. */
    public static Keywords of(FolderEntry folder, BlobSource blobs) throws IOException {
        for (ControlFile c : folder.controlFiles()) {
            if (c.name().equals(ControlFiles.KEYWORDS)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (BlobId id : c.chunks()) {
                    bytes.writeBytes(blobs.get(id));
                }
                return Keywords.parse(bytes.toByteArray());
            }
        }
        return null;
    }
}
