package org.mailsnap.fssnapshot;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot a run made.
 *
 * @param image       the directory in the snapshot that holds what the store held
 * @param takenAt     a time no later than the snapshot's creation (taken just before the create command)
 * @param description what it is, for messages ({@code btrfs snapshot /srv/mail/.mailsnap-fs-snapshot-4242})
 */
public record FsSnapshot(Path image, Instant takenAt, String description) {}
