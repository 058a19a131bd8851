package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.FileNames;
import org.mailsnap.fs.NewFile;
import org.mailsnap.fs.SymlinkRefusedException;
import org.mailsnap.model.FolderKey;

/**
 * Takes Dovecot's {@code dovecot-uidlist.lock} the way Dovecot does, so Dovecot respects it.
 *
 * <p>Taking: create with {@code O_CREAT|O_EXCL}, write {@code pid:host} (no newline), give the file to the folder's
 * owner when we run as root (so the mail user can read and remove it), then touch it every
 * {@link DotLockSettings#touchInterval()}. Waiting for someone else's lock follows Dovecot's stale rules: a lock of
 * a dead process on our host is broken once it is {@link DotLockSettings#deadPidGrace()} old; a live one on our
 * host never; any other after {@link DotLockSettings#staleTimeout()} without a change to the lock file or the
 * uidlist. After {@link DotLockSettings#waitTimeout()} we give up with a {@link LockTimeoutException}.
 */
public final class DovecotDotLocker implements FolderLocker {
    public static final String LOCK_FILE = "dovecot-uidlist.lock";
    private static final String UIDLIST = "dovecot-uidlist";

    private final DotLockSettings settings;
    private final Clock clock;
    private final TouchScheduler touches;
    private final boolean runningAsRoot;

    public DovecotDotLocker(DotLockSettings settings, Clock clock, TouchScheduler touches) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.touches = Objects.requireNonNull(touches, "touches");
        this.runningAsRoot = runningAsRoot();
    }

    /** Dovecot's defaults, the system clock and the shared touch thread. */
    public static DovecotDotLocker withDefaults() {
        return new DovecotDotLocker(DotLockSettings.dovecotDefaults(), Clock.systemUTC(), TouchScheduler.daemon());
    }

    @Override
    public DovecotDotLock lock(FolderKey folder, Path controlDir) throws IOException {
        Path lockFile = FileNames.child(controlDir, LOCK_FILE);
        Instant deadline = clock.instant().plus(settings.waitTimeout());
        StaleWatch watch = new StaleWatch(lockFile, FileNames.child(controlDir, UIDLIST));
        Duration pause = settings.firstPoll();
        while (true) {
            DovecotDotLock lock = tryCreate(folder, controlDir, lockFile);
            if (lock != null) {
                return lock;
            }
            Instant now = clock.instant();
            LockFileState state = LockFileState.of(lockFile);
            if (state == null) {
                continue; // released between our attempt and our look: try again at once
            }
            watch.observe(state, now);
            if (isStale(watch, state, now) && breakIfUnchanged(lockFile, state)) {
                continue;
            }
            if (!now.isBefore(deadline)) {
                throw new LockTimeoutException(
                        folder.toString(),
                        lockFile,
                        watch.holder,
                        "waited " + settings.waitTimeout().toMillis() + " ms, lock unchanged for "
                                + Duration.between(watch.lastChange, now).toMillis() + " ms");
            }
            sleep(min(pause, Duration.between(now, deadline)));
            pause = min(pause.plus(pause.dividedBy(2)), settings.maxPoll());
        }
    }

    /** Dovecot's rules, in its order: a pid on our host decides alone; otherwise the age of the last change. */
    private boolean isStale(StaleWatch watch, LockFileState state, Instant now) throws IOException {
        LockHolder holder = LockHolder.parse(watch.holder);
        if (holder != null && holder.host().equals(settings.identity().hostname())) {
            boolean oldEnough = state.mtime().toInstant().isBefore(now.minus(settings.deadPidGrace()));
            return oldEnough && !Processes.isAlive(holder.pid());
        }
        if (now.isAfter(watch.lastChange.plus(settings.staleTimeout()))) {
            watch.observeUidlist(now);
        }
        return now.isAfter(watch.lastChange.plus(settings.staleTimeout()));
    }

    private static boolean breakIfUnchanged(Path lockFile, LockFileState seen) throws IOException {
        if (!seen.equals(LockFileState.of(lockFile))) {
            return false;
        }
        Files.deleteIfExists(lockFile);
        return true;
    }

    /**
     * Creates the lock file exclusively; null when it exists already. The file stays open while held: its inode
     * cannot be reused then, so "same inode" reliably means "our file".
     *
     * <p>Never through a link: the folder is opened with {@code O_NOFOLLOW} (a link there is refused), the file is
     * created in that held directory with {@code O_CREAT|O_EXCL|O_NOFOLLOW} (a planted link is "exists", like any
     * other lock file), and its owner is set through its own descriptor, so renaming things in the folder meanwhile
     * cannot make us write or chown anything else (see {@link org.mailsnap.fs}).
     */
    private DovecotDotLock tryCreate(FolderKey folder, Path controlDir, Path lockFile) throws IOException {
        byte[] content = settings.identity().content().getBytes(StandardCharsets.UTF_8);
        try (DirHandle dir = openFolder(folder, controlDir)) {
            NewFile created;
            try {
                created = dir.createFile(LOCK_FILE, 0666);
            } catch (FileAlreadyExistsException busy) {
                return null;
            }
            FileChannel channel;
            try (created) {
                channel = FileChannel.open(created.self(), StandardOpenOption.WRITE);
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    giveToFolderOwner(dir, created.self(), lockFile);
                    Object fileKey = Files.readAttributes(created.self(), PosixFileAttributes.class)
                            .fileKey();
                    DovecotDotLock lock =
                            new DovecotDotLock(folder.toString(), lockFile, content, fileKey, channel, clock);
                    lock.startTouching(touches, settings.touchInterval());
                    return lock;
                } catch (IOException | RuntimeException failed) {
                    channel.close();
                    Files.deleteIfExists(dir.entry(LOCK_FILE));
                    throw failed;
                }
            }
        }
    }

    private static DirHandle openFolder(FolderKey folder, Path controlDir) throws IOException {
        try {
            return DirHandle.openNoFollow(controlDir);
        } catch (NoSuchFileException vanished) {
            throw new NoSuchFileException(
                    controlDir.toString(), null, "folder " + folder + " does not exist (any more), cannot lock it");
        } catch (SymlinkRefusedException link) {
            throw new SymlinkRefusedException(controlDir + " (folder " + folder + ", not locked)");
        }
    }

    /** Owner and group of the folder, read and set through the descriptors held ({@code /proc/self/fd/N}). */
    private void giveToFolderOwner(DirHandle folderDir, Path lockSelf, Path lockFile) throws IOException {
        if (!runningAsRoot) {
            return;
        }
        PosixFileAttributes folder = Files.readAttributes(folderDir.self(), PosixFileAttributes.class);
        PosixFileAttributeView lock = Files.getFileAttributeView(lockSelf, PosixFileAttributeView.class);
        PosixFileAttributes current = lock.readAttributes();
        try {
            if (!current.owner().equals(folder.owner())) {
                lock.setOwner(folder.owner());
            }
            if (!current.group().equals(folder.group())) {
                lock.setGroup(folder.group());
            }
        } catch (IOException chownFailed) {
            throw new IOException(
                    "cannot give lock file " + lockFile + " to the owner of " + folderDir
                            + " (Dovecot must be able to read and remove it): " + chownFailed.getMessage(),
                    chownFailed);
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a Maildir lock");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The holder's {@code pid:host}, when it is one. */
    record LockHolder(long pid, String host) {
        static LockHolder parse(String content) {
            if (content == null) {
                return null;
            }
            String text = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
            int colon = text.indexOf(':');
            if (colon <= 0 || colon > 10 || !text.substring(0, colon).chars().allMatch(Character::isDigit)) {
                return null;
            }
            long pid = Long.parseLong(text.substring(0, colon));
            return pid > 0 ? new LockHolder(pid, text.substring(colon + 1)) : null;
        }
    }

    /** When the lock file or the uidlist last changed, as far as this waiter has seen. */
    private static final class StaleWatch {
        private final Path lockFile;
        private final Path uidlist;
        private LockFileState lockState;
        private LockFileState uidlistState;
        private Instant lastChange;
        private String holder;

        StaleWatch(Path lockFile, Path uidlist) {
            this.lockFile = lockFile;
            this.uidlist = uidlist;
        }

        void observe(LockFileState state, Instant now) throws IOException {
            if (state.equals(lockState)) {
                return;
            }
            // First sight: the file's own age counts (as in Dovecot); later changes count from now.
            Instant changed = lockState == null ? earlier(state.mtime().toInstant(), now) : now;
            lastChange = lastChange == null || lastChange.isBefore(changed) ? changed : lastChange;
            lockState = state;
            holder = readHolder();
        }

        void observeUidlist(Instant now) throws IOException {
            LockFileState state = LockFileState.of(uidlist);
            if (state != null && !state.equals(uidlistState)) {
                Instant changed = uidlistState == null ? earlier(state.mtime().toInstant(), now) : now;
                lastChange = lastChange.isBefore(changed) ? changed : lastChange;
                uidlistState = state;
            }
        }

        private String readHolder() throws IOException {
            byte[] bytes = LockFileState.readNoFollow(lockFile);
            return bytes == null ? null : new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8);
        }

        private static Instant earlier(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
