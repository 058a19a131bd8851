package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;

/**
 * A {@code dovecot-uidlist.lock} we created and hold: touched while held, removed only while still ours.
 *
 * <p>"Ours" means the same file (inode) with our {@code pid:host} content: content alone is not enough, since two
 * lockers in one process write the same content. The file is kept open while held, so its inode number cannot be
 * given to a file someone creates after breaking our lock.
 */
public final class DovecotDotLock implements FolderLock {
    private final String folder;
    private final Path lockFile;
    private final byte[] content;
    private final Object fileKey;
    private final FileChannel openFile;
    private final Clock clock;
    private volatile TouchScheduler.Scheduled touches;
    private volatile boolean lost;

    DovecotDotLock(String folder, Path lockFile, byte[] content, Object fileKey, FileChannel openFile, Clock clock) {
        this.folder = folder;
        this.lockFile = lockFile;
        this.content = content.clone();
        this.fileKey = fileKey;
        this.openFile = openFile;
        this.clock = clock;
    }

    void startTouching(TouchScheduler scheduler, java.time.Duration interval) {
        touches = scheduler.every(interval, this::touch);
    }

    /**
     * Refreshes the lock file's mtime so nobody thinks it stale; stops (and remembers the loss) once it is no longer
     * ours.
     */
    void touch() {
        try {
            if (!lost && isOurs()) {
                Files.getFileAttributeView(lockFile, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(clock.instant()), null, null);
                return;
            }
        } catch (IOException unreadable) {
            // treated as lost below: a lock we cannot see is one we cannot rely on
        }
        lost = true;
        cancelTouches();
    }

    @Override
    public void verifyHeld() throws IOException {
        if (lost || !isOurs()) {
            lost = true;
            throw new LockNotHeldException("lost the lock of folder " + folder + ": " + lockFile
                    + " was removed or replaced by someone else (now: " + describeCurrent() + ")");
        }
    }

    @Override
    public boolean release() throws IOException {
        cancelTouches();
        try (openFile) {
            if (lost || !isOurs()) {
                lost = true;
                return false;
            }
            Files.deleteIfExists(lockFile);
            return true;
        }
    }

    /** True when the file at our path is the one we created and still says it is ours. */
    boolean isOurs() throws IOException {
        Object key;
        try {
            key = Files.readAttributes(
                            lockFile, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (fileKey != null && !fileKey.equals(key)) {
            return false;
        }
        return Arrays.equals(LockFileState.readNoFollow(lockFile), content);
    }

    private String describeCurrent() {
        try {
            byte[] bytes = LockFileState.readNoFollow(lockFile);
            return bytes == null ? "no lock file" : "'" + new String(bytes, StandardCharsets.UTF_8) + "'";
        } catch (IOException unreadable) {
            return "unreadable: " + unreadable.getMessage();
        }
    }

    private void cancelTouches() {
        TouchScheduler.Scheduled scheduled = touches;
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    @Override
    public String toString() {
        return "DovecotDotLock[" + lockFile + "]";
    }
}
