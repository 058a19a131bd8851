package org.mailsnap.backup;

import java.nio.file.Path;
import java.util.Objects;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.maildir.CaptureProblem;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;

/**
 * Something about a backup run an operator should know. Every step of a run reports to one {@link Sink}; the
 * result lists them in the order they were reported ({@link BackupResult#problems()}), and the CLI renders each
 * {@link #message()} as a warning line. The kinds that {@link #partial() make a run partial} are the ones the
 * package doc names: a mailbox not backed up, an unreadable file or new folder, a link not followed, a store that
 * shrank.
 */
public sealed interface BackupProblem {
    /** One line for the operator, naming what and where. */
    String message();

    /**
     * True when something of the store is not in the snapshot as it is now, or the snapshot may not be the store
     * the operator means (the CLI's exit code 3). The rest is information.
     */
    default boolean partial() {
        return this instanceof LinkNotFollowed
                || this instanceof MailboxNotBackedUp
                || this instanceof NewFolderNotListed
                || this instanceof UnreadableMessage
                || this instanceof StoreShrank;
    }

    /** Where the steps of a run report problems: restic's {@code ErrorFunc}, minus the choice to abort. */
    @FunctionalInterface
    interface Sink {
        void report(BackupProblem problem);
    }

    /** A symbolic link where a mailbox, folder, or its {@code cur/}, {@code new/} or {@code tmp/} could be. */
    record LinkNotFollowed(String description) implements BackupProblem {
        @Override
        public String message() {
            return description;
        }
    }

    /**
     * A mailbox that could not be captured (a lock not free in time, an unreadable root).
     *
     * @param previousKept the snapshot holds the mailbox as the previous run saw it
     */
    record MailboxNotBackedUp(String mailbox, String reason, boolean previousKept) implements BackupProblem {
        @Override
        public String message() {
            return mailbox + ": not backed up: " + reason
                    + (previousKept ? " (the snapshot keeps its state from the previous run)" : "");
        }
    }

    /** What the capture could not do for one folder of {@code mailbox} (vanished, unreadable, lock lost). */
    record FolderNotCaptured(String mailbox, CaptureProblem problem) implements BackupProblem {
        @Override
        public String message() {
            return mailbox + " " + problem.folder() + ": " + problem.kind() + " " + problem.detail();
        }
    }

    /** A folder the catalog did not know that could not be listed: nothing of it is in the snapshot. */
    record NewFolderNotListed(FolderKey folder) implements BackupProblem {
        @Override
        public String message() {
            return folder + ": new folder could not be listed; not in this snapshot";
        }
    }

    /** Two files of one folder with one base: the one in {@code cur/} is kept, {@code notKept} is not. */
    record DuplicateBase(FolderKey folder, String notKept) implements BackupProblem {
        @Override
        public String message() {
            return folder + ": two files with one base, kept the cur/ one, not " + notKept;
        }
    }

    /** A message file that could not be read (permissions, an I/O error, not a regular file). */
    record UnreadableMessage(Path file, String reason) implements BackupProblem {
        @Override
        public String message() {
            return file + ": cannot read: " + reason;
        }
    }

    /**
     * The store's previous run stopped after a checkpoint and the repository was pruned since, which may have deleted
     * what that run stored and recorded: this run read every message again, as {@code --rescan} does.
     */
    record StoreReadAgain() implements BackupProblem {
        @Override
        public String message() {
            return "the previous backup of this store stopped before its snapshot was saved and the repository was"
                    + " pruned since: every message was read again (as with --rescan)";
        }
    }

    /** With --rescan: a known file whose bytes differ from what was stored. */
    record ChangedInPlace(FolderKey folder, String name) implements BackupProblem {
        @Override
        public String message() {
            return folder + ": " + name + " changed in place since it was stored; the new bytes are stored as a new"
                    + " version";
        }
    }

    /**
     * The store held fewer than half the messages of its previous snapshot: more likely an unmounted volume or lost
     * mailboxes than mail deleted between two runs.
     *
     * @param messages   the messages the new snapshot holds
     * @param previous   the store's previous snapshot
     * @param snapshotId the new snapshot
     */
    record StoreShrank(long messages, SnapshotSummary previous, SnapshotId snapshotId) implements BackupProblem {
        public StoreShrank {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(snapshotId, "snapshotId");
        }

        @Override
        public String message() {
            return "the store holds " + messages + " messages, fewer than half of the " + previous.messageCount()
                    + " in its previous snapshot " + previous.id().shortId() + " (" + previous.time() + "); if a"
                    + " volume is not mounted or mailboxes are missing, restore from that snapshot, not from the new"
                    + " one (" + snapshotId.shortId() + "); pass --allow-shrink when the drop is intended";
        }
    }
}
