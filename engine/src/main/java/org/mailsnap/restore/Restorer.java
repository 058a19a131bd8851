package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.diff.MessageIndex;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.model.BaseNames;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.Selection;
import org.mailsnap.walk.SnapshotWalker;

/**
 * Restores from one snapshot: selects the folders ({@link SnapshotWalker#select}), checks and opens the target
 * ({@link RestoreTarget}), walks each folder into a {@link FolderRestore} whose writes run on {@link BoundedWorkers},
 * and, as a folder, subscribes the new folders. The package doc gives the modes and what each class does.
 */
public final class Restorer {
    private final BlobSource blobs;
    private final int threads;
    private TargetDirs.Hook hook = (parent, name) -> {};
    private MessageIndex messages = MessageIndex.NONE;

    public Restorer(BlobSource blobs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.blobs = blobs;
        this.threads = threads;
    }

    /**
     * Names each message the restore cannot write with its Subject from {@code index} (the catalog's search index,
     * {@code CatalogView::message}; it is asked from the write workers, only for messages that fail).
     */
    public Restorer withMessageIndex(MessageIndex index) {
        this.messages = index;
        return this;
    }

    /** For tests: runs {@code hook} before each directory below the target is opened or created (to race it). */
    Restorer withHook(TargetDirs.Hook hook) {
        this.hook = hook;
        return this;
    }

    public RestoreResult restore(Snapshot snapshot, RestoreRequest request) throws IOException {
        return restore(snapshot, request, new RestoreProgress());
    }

    /** @param progress counted as the restore goes, for a progress display */
    public RestoreResult restore(Snapshot snapshot, RestoreRequest request, RestoreProgress progress)
            throws IOException {
        SnapshotWalker walker = new SnapshotWalker(blobs, snapshot.separator());
        Selection selection = request.selection();
        List<FolderEntry> folders = walker.select(snapshot, selection);
        progress.folders.total.set(folders.size());
        Path target = request.target().toAbsolutePath().normalize();
        RestoreFolder asFolder = request.asFolder() == null ? null : RestoreFolder.parse(request.asFolder());
        try (DirHandle root = RestoreTarget.open(target, request.mode(), asFolder)) {
            Ownership owner = Ownership.of(root);
            MaildirFileWriter writer =
                    new MaildirFileWriter(blobs, owner, request.mode().live());
            BaseNames bases = new BaseNames(snapshot.separator());
            ExistingBases existing =
                    request.mode() == RestoreMode.MERGE ? ExistingBases.scan(target, bases) : ExistingBases.none();
            RestoreTally report = new RestoreTally(progress);
            try (BoundedWorkers writes = new BoundedWorkers("mailsnap-restore", threads, "restore")) {
                FolderRestore.Run run = new FolderRestore.Run(
                        request.mode(),
                        new TargetPaths(request.mailbox() != null, asFolder),
                        new TargetDirs(root, writer, hook),
                        writer,
                        new MessagePlanner(request.mode(), bases, existing, report),
                        writes,
                        report,
                        blobs,
                        snapshot.separator(),
                        messages);
                for (FolderEntry folder : folders) {
                    progress.folders.done.increment();
                    FolderRestore out = FolderRestore.begin(run, folder);
                    if (out != null) {
                        walker.walkFolder(folder, selection, out);
                    }
                }
                writes.awaitAll();
            }
            if (asFolder != null) {
                Subscriptions.add(
                        root,
                        folders.stream()
                                .map(f -> asFolder.storageLevels(f.key().folder()))
                                .toList(),
                        owner);
                report.note("restored as the folder '" + asFolder + "' (" + folders.size() + " folder"
                        + (folders.size() == 1 ? "" : "s") + ", subscribed)");
            }
            return report.result(folders.size());
        }
    }
}
