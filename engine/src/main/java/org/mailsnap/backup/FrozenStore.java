package org.mailsnap.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The store as a filesystem snapshot shows it: a read-only image that no delivery changes, so a run reads it without
 * Dovecot's locks and still sees one instant of every folder.
 *
 * @param image   the directory in the snapshot that holds what the store held
 * @param takenAt a time no later than the snapshot's creation: the run takes it as every folder's listing time, so a
 *                folder changed in the same clock tick as the snapshot (after it, with an equal mtime) is listed
 *                again by the next run (the same-second guard of {@link org.mailsnap.maildir.MailboxCapture})
 */
public record FrozenStore(Path image, Instant takenAt) {
    public FrozenStore {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
