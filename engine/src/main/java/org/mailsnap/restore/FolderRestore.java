package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.diff.MessageIndex;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.SymlinkRefusedException;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.walk.FolderOutput;

/**
 * One folder of a restore, as the walk's output: its directories opened (a link where one should be: the folder is
 * named in the failures and skipped), its control files written as the mode wants them, then each message planned
 * ({@link MessagePlanner}) and handed to the parallel write run.
 */
final class FolderRestore implements FolderOutput {
    /** What every folder of one restore shares. */
    record Run(
            RestoreMode mode,
            TargetPaths paths,
            TargetDirs dirs,
            MaildirFileWriter writer,
            MessagePlanner planner,
            BoundedWorkers writes,
            RestoreTally report,
            BlobSource blobs,
            char separator,
            MessageIndex messages) {}

    private final Run run;
    private final FolderEntry folder;
    private final FolderDirs dirs;
    private final KeywordTranslation keywords;
    private long queued;
    private long present;

    private FolderRestore(Run run, FolderEntry folder, FolderDirs dirs, KeywordTranslation keywords) {
        this.run = run;
        this.folder = folder;
        this.dirs = dirs;
        this.keywords = keywords;
    }

    /** Opens the folder's directories and writes its control files; null when it cannot be restored (named). */
    static FolderRestore begin(Run run, FolderEntry folder) throws IOException {
        String shown = folder.key().toString();
        FolderDirs dirs;
        try {
            List<String> notes = new ArrayList<>();
            dirs = run.dirs().open(run.paths(), folder.key(), run.mode().exactCopy(), notes);
            run.report().notes(notes);
        } catch (SymlinkRefusedException link) {
            run.report()
                    .failure(link.getFile() + ": is a symbolic link, not followed; folder " + shown + " not restored");
            return null;
        } catch (NotDirectoryException other) {
            run.report().failure(other.getFile() + ": is not a directory; folder " + shown + " not restored");
            return null;
        } catch (NoSuchFileException gone) {
            // Created, then removed or renamed by someone else before it could be opened.
            run.report()
                    .failure(gone.getFile() + ": is gone (removed or renamed while the restore opened it);" + " folder "
                            + shown + " not restored");
            return null;
        }
        try {
            RestoreMode mode = run.mode();
            KeywordTranslation keywords = null;
            if (mode.exactCopy()) {
                writeControlFiles(run, folder, dirs, c -> true);
            } else if (mode == RestoreMode.AS_FOLDER) {
                // a new folder: the snapshot's keyword names, so the letters in the names mean what they meant;
                // no uidlist: Dovecot gives the messages new UIDs
                writeControlFiles(run, folder, dirs, c -> c.name().equals(ControlFiles.KEYWORDS));
            } else {
                keywords = MergeKeywords.translation(folder, dirs.folder, run.blobs(), run.separator(), run.report());
            }
            return new FolderRestore(run, folder, dirs, keywords);
        } catch (IOException | RuntimeException e) {
            dirs.release();
            throw e;
        }
    }

    private static void writeControlFiles(Run run, FolderEntry folder, FolderDirs dirs, Predicate<ControlFile> wanted)
            throws IOException {
        boolean isRoot = folder.key().folder().isEmpty();
        for (ControlFile c : folder.controlFiles()) {
            if (!wanted.test(c)) {
                continue;
            }
            if (isRoot && c.name().equals(ControlFiles.MAILDIRFOLDER)) {
                run.report().note("not restoring maildirfolder in the mailbox root (it would break quota)");
                continue;
            }
            String name = TargetPaths.fileName(c.name());
            try {
                if (run.mode() == RestoreMode.RESUME && run.writer().complete(dirs.folder, name, c.size())) {
                    continue;
                }
                run.writer().write(dirs.tmp, dirs.folder, name, c.chunks(), c.size(), c.mtimeNanos());
                run.report().controlFileWritten();
            } catch (ContentUnavailableException | FileAlreadyExistsException e) {
                run.report().failure(folder.key() + ": " + name + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void message(Placement p) throws IOException {
        String planned = run.planner().fileName(folder.key().folder(), p, keywords);
        if (planned == null) {
            present++;
            return;
        }
        queued++;
        String fileName = TargetPaths.fileName(planned);
        DirHandle dest = dirs.messages(p.inCur());
        List<BlobId> chunks = new ArrayList<>(1 + p.content().body().size());
        chunks.add(p.content().header());
        chunks.addAll(p.content().body());
        dirs.retain();
        run.writes().submit(() -> write(dest, fileName, chunks, p), dirs::release);
    }

    /** On a worker: one message file; content the repository cannot give back costs that file only. */
    private void write(DirHandle dest, String fileName, List<BlobId> chunks, Placement p) throws IOException {
        try {
            if (run.mode() == RestoreMode.RESUME
                    && run.writer().complete(dest, fileName, p.content().size())) {
                run.report().messageSkipped();
                return;
            }
            run.report()
                    .messageWritten(run.writer()
                            .write(dirs.tmp, dest, fileName, chunks, p.content().size(), p.mtimeNanos()));
        } catch (ContentUnavailableException | FileAlreadyExistsException e) {
            run.report()
                    .failure(folder.key() + ": " + (p.inCur() ? "cur/" : "new/") + fileName + ": " + e.getMessage()
                            + subjectOf(p));
        }
    }

    /** {@code  (Subject "…")} from the catalog's search index, so a person knows which mail it is; or nothing. */
    private String subjectOf(Placement p) {
        try {
            String identity = p.identity(new BaseNames(run.separator()).baseOf(p.name()));
            return run.messages()
                    .message(folder.key().mailbox(), identity)
                    .map(MessageInfo::subject)
                    .map(subject -> " (Subject \"" + subject + "\")")
                    .orElse("");
        } catch (IOException e) {
            return ""; // the failure is reported all the same; the catalog's trouble is not this restore's
        }
    }

    @Override
    public void manifestUnreadable(IOException unreadable) {
        // What the manifest listed before the damage is being written.
        run.report()
                .failure(folder.key() + ": its message list cannot be read (" + unreadable.getMessage()
                        + "); messages listed after the damage not restored");
    }

    @Override
    public void end() {
        if (keywords != null) {
            run.report().notes(keywords.notes());
            if (queued + present > 0) {
                run.report()
                        .note(folder.key() + ": " + queued + " restored, " + present
                                + " skipped (base already in the mailbox)");
            }
        }
        dirs.release();
    }
}
