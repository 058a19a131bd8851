package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.maildir.CaptureProblem;
import org.mailsnap.maildir.CapturedFolder;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.MailFolder;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.maildir.PreviousFolderState;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;

/**
 * Steps 1 and 2 of a mailbox's backup: capture it under the locks (only folders whose directories changed are
 * listed), then merge each listed folder with its previous placements by base ({@link FolderMerge}). Unchanged and
 * renamed messages need no file access at all; the rest are left unknown for {@link UnknownMessages}.
 *
 * <p>{@code --rescan} is decided here, once: every folder is listed, every known message is made unknown (with the
 * placement it is expected to have), and the attempt says that nothing may be reused unread.
 */
record MailboxListing(
        MailboxCapture capture, LastRunState state, BaseNames bases, BackupProgress progress, boolean rescan) {
    /** Step 1: lists the folders whose directories changed since {@code previous} (all of them with --rescan). */
    CapturedMailbox capture(Mailbox mailbox, Map<FolderKey, FolderState> previous) throws IOException {
        Map<FolderKey, PreviousFolderState> states = new HashMap<>();
        if (!rescan) {
            previous.forEach((key, s) -> states.put(
                    key,
                    new PreviousFolderState(
                            s.entry().newDirMtimeNanos(), s.entry().curDirMtimeNanos(), s.listedAtNanos())));
        }
        CapturedMailbox captured = capture.capture(mailbox, states);
        progress.lockHoldTotalNanos.add(captured.lockHoldNanos());
        progress.lockHoldMaxNanos.raiseTo(captured.lockHoldNanos());
        return captured;
    }

    /** Step 2: merges each listed folder of the capture, carries unlisted ones over, collects what left. */
    MailboxAttempt merge(Mailbox mailbox, CapturedMailbox captured, Map<FolderKey, FolderState> previous)
            throws IOException {
        MailboxAttempt a = new MailboxAttempt(captured, rescan);
        for (CaptureProblem p : captured.problems()) {
            a.report(new BackupProblem.FolderNotCaptured(mailbox.name(), p));
        }
        Map<FolderKey, Path> dirs = new HashMap<>();
        for (MailFolder f : mailbox.folders()) {
            dirs.put(f.key(), f.dir());
        }
        for (CapturedFolder cf : captured.folders()) {
            a.present.add(cf.key());
            if (!cf.listed()) {
                FolderState folderState = previous.get(cf.key());
                if (folderState == null) {
                    // a new folder that could not be listed (e.g. permission denied): nothing to carry over
                    a.unreadable++;
                    a.report(new BackupProblem.NewFolderNotListed(cf.key()));
                    continue;
                }
                a.unchangedFolders++;
                a.seen += folderState.entry().messages();
                a.unlisted.put(cf.key(), folderState.entry());
                continue;
            }
            MailboxAttempt.ListedFolder folder = mergeFolder(cf, dirs.get(cf.key()), a);
            folder.merge.gone.forEach(g -> a.goneByGuid.put(identity(g), g));
            a.listed.add(folder);
        }
        for (FolderKey old : previous.keySet()) {
            if (!a.present.contains(old)) {
                for (Placement g : state.placements(old)) {
                    a.goneByGuid.put(identity(g), g);
                }
            }
        }
        return a;
    }

    private MailboxAttempt.ListedFolder mergeFolder(CapturedFolder cf, Path dir, MailboxAttempt a) throws IOException {
        List<ListedFile> listing = Listings.sortedByBase(
                cf.newNames(),
                cf.curNames(),
                bases,
                guidsByBase(cf),
                duplicate -> a.report(new BackupProblem.DuplicateBase(cf.key(), duplicate)));
        FolderMerge merge =
                FolderMerge.merge(listing, state.placements(cf.key()).iterator(), bases);
        MailboxAttempt.ListedFolder folder = new MailboxAttempt.ListedFolder(cf, dir, merge);
        a.seen += merge.slots.size();
        a.renamed += merge.renamed;
        if (rescan) {
            for (FolderMerge.Slot s : merge.slots) {
                if (s.known()) {
                    folder.rescanExpected.put(s, s.unplace());
                    merge.unknown.add(s);
                }
            }
        }
        return folder;
    }

    /**
     * The GUIDs the folder's {@code dovecot-uidlist}, read under the lock with the listing, gives bases other than
     * themselves. A uidlist Dovecot could not read either (it deletes a broken one, and every message's GUID is then
     * its base) gives none.
     */
    private static Map<String, String> guidsByBase(CapturedFolder cf) {
        byte[] uidlist = cf.controlFiles().get(ControlFiles.UIDLIST);
        if (uidlist == null) {
            return Map.of();
        }
        return Uidlist.guidsByBase(uidlist, cf.key() + " " + ControlFiles.UIDLIST);
    }

    private String identity(Placement p) {
        return p.identity(bases.baseOf(p.name()));
    }
}
