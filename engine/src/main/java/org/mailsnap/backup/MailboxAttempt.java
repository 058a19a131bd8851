package org.mailsnap.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mailsnap.maildir.CapturedFolder;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.FolderEntry;

/**
 * What one capture of a mailbox, merged ({@link MailboxListing}) and resolved ({@link UnknownMessages}), produced.
 * Nothing of it is written until it is the attempt the snapshot keeps ({@link MailboxRecorder}); so its problems are
 * held here, not reported.
 */
final class MailboxAttempt implements BackupProblem.Sink {
    /** A listed folder on its way through the run. */
    static final class ListedFolder {
        final CapturedFolder captured;
        final Path dir;
        final FolderMerge merge;
        /** With --rescan: each known slot's placement before it was sent to be read again. */
        final IdentityHashMap<FolderMerge.Slot, Placement> rescanExpected = new IdentityHashMap<>();

        ListedFolder(CapturedFolder captured, Path dir, FolderMerge merge) {
            this.captured = captured;
            this.dir = dir;
            this.merge = merge;
        }
    }

    final CapturedMailbox captured;
    /** With --rescan: every listed message is read, none is reused from a move or the content map. */
    final boolean rescan;

    final List<ListedFolder> listed = new ArrayList<>();
    /** The previous entries of folders whose directories did not change: not listed, carried over. */
    final TreeMap<FolderKey, FolderEntry> unlisted = new TreeMap<>();
    /** Placements that left their folder in this run, by message identity (GUID). */
    final Map<String, Placement> goneByGuid = new HashMap<>();
    /** Every folder the capture found, listed or not. */
    final Set<FolderKey> present = new HashSet<>();
    /** Bases listed under the lock whose file was in no folder when it was read. */
    final Set<String> vanished = new HashSet<>();

    final List<BackupProblem> problems = new ArrayList<>();
    long seen;
    long renamed;
    long unchangedFolders;
    long movedIn;
    long unreadable;
    long changedInPlace;

    MailboxAttempt(CapturedMailbox captured, boolean rescan) {
        this.captured = captured;
        this.rescan = rescan;
    }

    @Override
    public void report(BackupProblem problem) {
        problems.add(problem);
    }
}
