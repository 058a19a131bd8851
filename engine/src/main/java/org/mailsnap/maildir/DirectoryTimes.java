package org.mailsnap.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * When a directory's mtime may stand for "nothing in it changed since a listing": the one rule the capture applies to
 * {@code new/} and {@code cur/} and the finder to a mailbox root.
 *
 * <p>Creating, removing or renaming an entry sets the directory's mtime to the current time, truncated to the file
 * system's timestamp granularity. So an mtime that equals the one seen at a listing says nothing came or went since,
 * provided it was older than the listing by more than the granularity: a change in the very tick of the listing
 * leaves the mtime equal (the same-second guard), and such a directory is looked at again.
 */
public final class DirectoryTimes {
    /** A granularity that is safe on every file system (ext3, HFS+ and NFS servers may keep whole seconds). */
    public static final Duration SAFE_GRANULARITY = Duration.ofSeconds(1);

    private DirectoryTimes() {}

    /**
     * True when a directory whose mtime is {@code mtimeNanos} now is unchanged since a listing that began at
     * {@code listedAtNanos} and saw {@code mtimeThenNanos}.
     */
    static boolean unchangedSince(long mtimeNanos, long mtimeThenNanos, long listedAtNanos, long granularityNanos) {
        return mtimeNanos == mtimeThenNanos && mtimeThenNanos < listedAtNanos - granularityNanos;
    }

    /** The directory's own mtime (a symbolic link's, not its target's), in nanoseconds since the epoch. */
    static long mtimeNanos(Path dir) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
