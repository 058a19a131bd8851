package org.mailsnap.maildir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.lock.FolderLock;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.model.FolderKey;

/**
 * A consistent listing of one mailbox: the only code that touches the live store under a lock.
 *
 * <ol>
 *   <li>Take the mtimes of {@code new/} and {@code cur/} of every folder, without a lock: those the finder saw
 *       ({@link MailFolder#seen()}, taken a moment before in its threads), else stat them. A folder is unchanged
 *       when both mtimes say so against the previous run's listing ({@link DirectoryTimes}: equal, and older than
 *       that listing by more than the timestamp granularity). A change after that moment is the next run's, as one
 *       after a stat here would be.</li>
 *   <li>Every folder unchanged: done, no lock taken.</li>
 *   <li>A folder never listed before (no previous state: every folder of a first backup) is read once without a
 *       lock, its {@code new/}, {@code cur/} and control files, and what was read is dropped: on a store the page
 *       cache does not hold, the disk is busy with the backup's own reads and writes, and a locked listing that
 *       waits for it keeps Dovecot waiting (a 1 M first backup held one mailbox's locks for 0.5–1.4 s,
 *       {@code benchmarks/results/2026-12-07-cold-listing}). The locked listing then finds those blocks in the
 *       cache. Folders listed before are not read twice: an hourly run lists thousands, whose directories Dovecot
 *       has just written.</li>
 *   <li>Otherwise lock every folder of the mailbox in sorted order (a folder moved during the listing is then
 *       neither missed nor counted twice), stat again under the locks, and for each changed folder list
 *       {@code new/} before {@code cur/} (a message moving from one to the other is seen at least once) and read
 *       its control files; read the mailbox-level control files; verify every lock is still held; release in
 *       reverse order.</li>
 * </ol>
 * Message files are neither opened nor stat'ed here: they are immutable and read after the locks are gone.
 */
public final class MailboxCapture {
    private final FolderLocker locker;
    private final Clock clock;
    private final long granularityNanos;
    private final CaptureObserver observer;

    /**
     * @param locker      takes each folder's lock ({@link FolderLocker#none()} for a filesystem snapshot)
     * @param clock       wall clock for listing times, comparable with file mtimes
     * @param granularity the file system's timestamp granularity; 1 s is safe everywhere
     * @param observer    told about each folder listed under the locks
     */
    public MailboxCapture(FolderLocker locker, Clock clock, Duration granularity, CaptureObserver observer) {
        this.locker = Objects.requireNonNull(locker, "locker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.granularityNanos = granularity.toNanos();
        this.observer = Objects.requireNonNull(observer, "observer");
        if (granularityNanos < 0) {
            throw new IllegalArgumentException("granularity must not be negative: " + granularity);
        }
    }

    /** System clock, a 1 s granularity, no observer. */
    public MailboxCapture(FolderLocker locker) {
        this(locker, Clock.systemUTC(), DirectoryTimes.SAFE_GRANULARITY, CaptureObserver.NONE);
    }

    /**
     * Captures {@code mailbox}.
     *
     * @param previous the previous run's state per folder (folders missing from it are listed)
     * @throws org.mailsnap.maildir.lock.LockTimeoutException  a folder's lock could not be taken in time: the whole
     *     mailbox is skipped, the caller goes on with the others
     * @throws org.mailsnap.maildir.lock.LockNotHeldException a lock was lost before the listing could be trusted
     */
    public CapturedMailbox capture(Mailbox mailbox, Map<FolderKey, PreviousFolderState> previous) throws IOException {
        List<CaptureProblem> problems = new ArrayList<>();
        List<MailFolder> folders = new ArrayList<>(mailbox.folders());
        folders.sort(null);
        Map<FolderKey, FolderTimes> before = new HashMap<>();
        boolean anyChanged = false;
        for (MailFolder folder : new ArrayList<>(folders)) {
            FolderTimes times = folder.seen() != null ? folder.seen() : stat(folder, problems);
            if (times == null) {
                folders.remove(folder);
                continue;
            }
            before.put(folder.key(), times);
            anyChanged |= !times.unchangedSince(previous.get(folder.key()), granularityNanos);
        }
        if (!anyChanged) {
            List<CapturedFolder> unlisted = new ArrayList<>();
            for (MailFolder folder : folders) {
                unlisted.add(unlisted(folder.key(), before.get(folder.key()), previous.get(folder.key())));
            }
            return new CapturedMailbox(mailbox.name(), unlisted, Map.of(), 0, problems);
        }
        warmNewFolders(mailbox, folders, previous);
        return captureLocked(mailbox, folders, previous, problems);
    }

    /**
     * Reads the directories and control files of every folder {@code previous} lacks once, without a lock, as the
     * locked listing will; best effort: whatever fails here is met, and reported, under the lock.
     */
    private void warmNewFolders(Mailbox mailbox, List<MailFolder> folders, Map<FolderKey, PreviousFolderState> previous)
            throws IOException {
        boolean any = false;
        for (MailFolder folder : folders) {
            if (previous.containsKey(folder.key())) {
                continue;
            }
            any = true;
            try {
                for (Path mailDir : List.of(folder.newDir(), folder.curDir())) {
                    if (!Files.isSymbolicLink(mailDir)) { // the locked listing refuses it; nothing to read here
                        listMessages(mailDir);
                    }
                }
                readControlFiles(folder.dir(), false);
            } catch (IOException unreadable) {
                continue;
            }
            observer.folderWarmed(folder);
        }
        if (any) {
            try {
                readControlFiles(mailbox.root(), true);
            } catch (IOException unreadable) {
                // read again under the lock, where a failure counts
            }
        }
    }

    private CapturedMailbox captureLocked(
            Mailbox mailbox,
            List<MailFolder> folders,
            Map<FolderKey, PreviousFolderState> previous,
            List<CaptureProblem> problems)
            throws IOException {
        List<MailFolder> locked = new ArrayList<>();
        List<FolderLock> locks = new ArrayList<>();
        long firstLockedAt = 0;
        boolean released = false;
        try {
            for (MailFolder folder : folders) {
                try {
                    locks.add(locker.lock(folder.key(), folder.dir()));
                } catch (NoSuchFileException vanished) {
                    problems.add(vanishedProblem(folder, vanished));
                    continue;
                }
                if (locked.isEmpty()) {
                    firstLockedAt = System.nanoTime();
                }
                locked.add(folder);
            }
            List<CapturedFolder> captured = new ArrayList<>();
            List<MailFolder> present = new ArrayList<>();
            for (MailFolder folder : locked) {
                CapturedFolder result = captureFolder(folder, previous.get(folder.key()), problems);
                if (result != null) {
                    captured.add(result);
                    present.add(folder);
                }
            }
            Map<String, byte[]> mailboxFiles = readControlFiles(mailbox.root(), true);
            for (int i = 0; i < locked.size(); i++) {
                if (present.contains(locked.get(i))) {
                    locks.get(i).verifyHeld();
                }
            }
            released = true;
            releaseAll(locked, locks, present, problems);
            long hold = locked.isEmpty() ? 0 : System.nanoTime() - firstLockedAt;
            return new CapturedMailbox(mailbox.name(), captured, mailboxFiles, hold, problems);
        } finally {
            if (!released) {
                releaseQuietly(locks);
            }
        }
    }

    /** Stats again under the lock and lists the folder if it changed; null when it vanished. */
    private CapturedFolder captureFolder(MailFolder folder, PreviousFolderState previous, List<CaptureProblem> problems)
            throws IOException {
        FolderTimes times = stat(folder, problems);
        if (times == null) {
            return null;
        }
        if (times.unchangedSince(previous, granularityNanos)) {
            return unlisted(folder.key(), times, previous);
        }
        long listedAt = DirectoryTimes.epochNanos(clock.instant());
        for (Path mailDir : List.of(folder.newDir(), folder.curDir())) {
            if (Files.isSymbolicLink(mailDir)) {
                // became a link after the finder looked (it reports links it sees): listing it would read outside
                return keepPrevious(folder, previous, problems, mailDir + " is a symbolic link, not followed");
            }
        }
        try {
            List<String> newNames = listMessages(folder.newDir());
            observer.directoryListed(folder, "new");
            List<String> curNames = listMessages(folder.curDir());
            observer.directoryListed(folder, "cur");
            Map<String, byte[]> controlFiles = readControlFiles(folder.dir(), false);
            observer.folderListed(folder);
            return new CapturedFolder(
                    folder.key(), true, times.newNanos(), times.curNanos(), listedAt, newNames, curNames, controlFiles);
        } catch (NoSuchFileException vanished) {
            problems.add(vanishedProblem(folder, vanished));
            return null;
        } catch (AccessDeniedException unreadable) {
            return keepPrevious(
                    folder, previous, problems, "cannot read " + unreadable.getFile() + ": permission denied");
        }
    }

    /** Reports a folder that cannot be listed now and carries its previous listing on. */
    private static CapturedFolder keepPrevious(
            MailFolder folder, PreviousFolderState previous, List<CaptureProblem> problems, String why) {
        problems.add(new CaptureProblem(
                folder.key(), CaptureProblem.Kind.FOLDER_UNREADABLE, why + "; kept the previous listing"));
        // The previous state, unchanged: the caller's placements are from it, and the next run tries again.
        FolderTimes previousTimes = previous == null
                ? new FolderTimes(0, 0)
                : new FolderTimes(previous.newDirMtimeNanos(), previous.curDirMtimeNanos());
        return unlisted(folder.key(), previousTimes, previous);
    }

    private static List<String> listMessages(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = FileNames.nameOf(entry);
                if (MaildirName.isMessageName(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The kept control files of a directory: folder-level ones, or (for the root) mailbox-level ones. */
    private static Map<String, byte[]> readControlFiles(Path dir, boolean mailboxLevel) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                ControlFiles.Kind kind = ControlFiles.classify(FileNames.nameOf(entry));
                if (kind.keep() && kind.mailboxLevel() == mailboxLevel) {
                    candidates.add(entry);
                }
            }
        } catch (NoSuchFileException vanished) {
            return files;
        }
        for (Path file : candidates) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                files.put(FileNames.nameOf(file), Files.readAllBytes(file));
            } catch (NoSuchFileException replacedMeanwhile) {
                // only non-Dovecot writers change these under the lock; what is gone was not there to keep
            }
        }
        return files;
    }

    private static void releaseAll(
            List<MailFolder> locked, List<FolderLock> locks, List<MailFolder> present, List<CaptureProblem> problems)
            throws IOException {
        IOException first = null;
        for (int i = locks.size() - 1; i >= 0; i--) {
            MailFolder folder = locked.get(i);
            try {
                if (!locks.get(i).release() && present.contains(folder)) {
                    problems.add(new CaptureProblem(
                            folder.key(),
                            CaptureProblem.Kind.LOCK_LOST_AT_RELEASE,
                            "the lock of " + folder.dir() + " was taken over after the listing was verified"));
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void releaseQuietly(List<FolderLock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) {
            try {
                locks.get(i).release();
            } catch (IOException | RuntimeException ignored) {
                // already failing: the first error is the one to report
            }
        }
    }

    private static FolderTimes stat(MailFolder folder, List<CaptureProblem> problems) throws IOException {
        try {
            return new FolderTimes(
                    DirectoryTimes.mtimeNanos(folder.newDir()), DirectoryTimes.mtimeNanos(folder.curDir()));
        } catch (NoSuchFileException vanished) {
            problems.add(vanishedProblem(folder, vanished));
            return null;
        }
    }

    /**
     * A folder not listed this time: the caller keeps the placements of its previous listing, so that listing's time
     * is carried on (with the mtimes just seen, which equal the previous ones unless the folder was unreadable).
     */
    private static CapturedFolder unlisted(FolderKey key, FolderTimes times, PreviousFolderState previous) {
        long listedAt = previous == null ? 0 : previous.listedAtNanos();
        return new CapturedFolder(
                key, false, times.newNanos(), times.curNanos(), listedAt, List.of(), List.of(), Map.of());
    }

    private static CaptureProblem vanishedProblem(MailFolder folder, NoSuchFileException e) {
        return new CaptureProblem(
                folder.key(),
                CaptureProblem.Kind.FOLDER_VANISHED,
                "folder " + folder.key() + " vanished during the run (renamed or deleted): " + e.getFile()
                        + " no longer exists");
    }
}
