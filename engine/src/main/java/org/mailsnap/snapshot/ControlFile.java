package org.mailsnap.snapshot;

import java.util.List;
import org.mailsnap.model.BlobId;

/**
 * A kept non-message file of a folder or mailbox root ({@code dovecot-uidlist}, {@code dovecot-keywords},
 * {@code subscriptions}, {@code maildirfolder}, {@code dovecot-uidvalidity*}), as it was under the capture lock.
 *
 * @param name       the file name in the folder's directory
 * @param mtimeNanos its modification time
 * @param size       its length in bytes
 * @param chunks     its bytes as data blobs (line-aligned chunks, so an appended uidlist record rewrites only the
 *                   last chunk)
 */
public record ControlFile(String name, long mtimeNanos, long size, List<BlobId> chunks) {
    public ControlFile {
        chunks = List.copyOf(chunks);
    }
}
