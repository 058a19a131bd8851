package org.mailsnap.maildir;

/**
 * What the previous run saw of a folder: enough to decide that it need not be listed again.
 *
 * @param newDirMtimeNanos mtime of {@code new/} (nanoseconds since the epoch)
 * @param curDirMtimeNanos mtime of {@code cur/}
 * @param listedAtNanos    wall-clock time at which that listing started (nanoseconds since the epoch)
 */
public record PreviousFolderState(long newDirMtimeNanos, long curDirMtimeNanos, long listedAtNanos) {}
