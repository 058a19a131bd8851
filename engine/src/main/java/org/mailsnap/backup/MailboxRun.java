package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.MailFolder;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.model.FolderKey;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;

/**
 * Backs up one mailbox: the heart of an hourly run, in the package doc's steps, each its own class.
 *
 * <ol>
 *   <li>Capture under the locks and merge each listed folder with its previous placements ({@link MailboxListing}).
 *   </li>
 *   <li>Resolve the bases new to a folder and read what is still unknown ({@link UnknownMessages}).</li>
 *   <li>If a listed base was in no folder when it was read, capture the mailbox again (reading only what this run
 *       has not read yet), up to {@link #MAX_CAPTURES} times: the snapshot must hold one real state of the mailbox,
 *       and a message Dovecot moved (or renamed to a new base) faster than the search could follow is in the new
 *       listing. Nothing is written before the capture to keep is chosen.</li>
 *   <li>Record the kept attempt ({@link MailboxRecorder}) and return the mailbox's folder entries for the snapshot
 *       tree.</li>
 * </ol>
 */
final class MailboxRun {
    /** How many times one mailbox is captured in a run before messages that vanished are left out. */
    static final int MAX_CAPTURES = 4;

    private final LastRunState state;
    private final BackupProgress progress;
    private final BackupProblem.Sink problems;
    private final MailboxListing listing;
    private final UnknownMessages unknown;
    private final MailboxRecorder recorder;

    MailboxRun(RunState run, MailboxCapture capture, MessageReads reads) {
        this.state = run;
        this.progress = run.progress;
        this.problems = run;
        this.listing = new MailboxListing(capture, run, run.bases, run.progress, run.settings.rescan());
        this.unknown = new UnknownMessages(run, run.blobIndex, reads, run.settings.separator());
        this.recorder = new MailboxRecorder(
                run,
                new SearchIndexUpdate(run, run.settings.separator(), run.start, run.parent),
                () -> new ManifestWriter(run.manifestChunkers, run.bases, run.sink),
                run.controlFiles,
                run.bases,
                run.progress,
                run,
                run.settings.rescan() || !run.stateBlobsStored ? null : run.blobIndex);
    }

    /**
     * @param mailbox      the mailbox as discovered now
     * @param previousKeys the folders the catalog knows for it from earlier runs
     * @return its folder entries, sorted
     */
    List<FolderEntry> backup(Mailbox mailbox, List<FolderKey> previousKeys) throws IOException {
        Map<FolderKey, FolderState> previous = new TreeMap<>();
        for (FolderKey key : previousKeys) {
            state.folder(key).ifPresent(s -> previous.put(key, s));
        }
        List<Path> folderDirs = mailbox.folders().stream().map(MailFolder::dir).toList();
        // each capture reads only what an earlier one has not (see the class doc for why there may be several)
        Map<String, MessageReads.Outcome> readThisRun = new HashMap<>();
        MailboxAttempt kept = null;
        for (int capture = 1; capture <= MAX_CAPTURES; capture++) {
            CapturedMailbox captured;
            try {
                captured = listing.capture(mailbox, previous);
            } catch (IOException e) {
                if (kept == null) {
                    return failed(mailbox.name(), previous, e);
                }
                break; // e.g. Dovecot held a lock too long this time: the earlier capture is still a real state
            }
            MailboxAttempt attempt = listing.merge(mailbox, captured, previous);
            unknown.resolve(mailbox.name(), folderDirs, attempt, readThisRun);
            kept = attempt;
            if (attempt.vanished.isEmpty()) {
                break;
            }
            if (capture < MAX_CAPTURES) {
                progress.recaptured.increment();
            }
        }
        return recorder.keep(mailbox, previous, kept, readThisRun);
    }

    /** A mailbox that could not be captured keeps its previous state in the snapshot; the run is partial. */
    private List<FolderEntry> failed(String mailbox, Map<FolderKey, FolderState> previous, IOException e) {
        problems.report(new BackupProblem.MailboxNotBackedUp(mailbox, e.getMessage(), !previous.isEmpty()));
        List<FolderEntry> kept = new ArrayList<>();
        previous.values().forEach(s -> kept.add(s.entry()));
        return kept;
    }
}
