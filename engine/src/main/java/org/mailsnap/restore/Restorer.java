package org.mailsnap.restore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.FileNames;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BaseNames;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestReader;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.TreeReader;

/**
 * Restores from one snapshot (see the package doc for the two modes).
 *
 * <ol>
 *   <li>Select the folder entries of the requested mailbox and folder from the snapshot's tree; for one message,
 *       only the folders whose manifest holds its base (none: an error, nothing written).</li>
 *   <li>Empty target: refuse a non-empty directory; merge: collect the bases the live mailbox holds now.</li>
 *   <li>Per folder: create {@code cur/ new/ tmp/}. Empty target: write its control files. Merge: create a folder
 *       the mailbox no longer has (with its {@code maildirfolder} marker), and prepare the keyword translation
 *       from the snapshot's {@code dovecot-keywords} to the live one.</li>
 *   <li>Stream the folder's manifest; write each selected message on a worker thread, at most a few per thread in
 *       flight so memory stays bounded.</li>
 * </ol>
 */
public final class Restorer {
    private static final String MAILDIRFOLDER = ControlFiles.MAILDIRFOLDER;

    private final BlobSource blobs;
    private final int threads;

    public Restorer(BlobSource blobs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.blobs = blobs;
        this.threads = threads;
    }

    public RestoreResult restore(Snapshot snapshot, RestoreRequest request) throws IOException {
        List<FolderEntry> folders = selectFolders(snapshot, request);
        if (request.base() != null) {
            folders = holdingBase(folders, new BaseNames(snapshot.separator()), request);
        }
        Path target = request.target().toAbsolutePath().normalize();
        RestoreFolder asFolder = request.asFolder() == null ? null : RestoreFolder.parse(request.asFolder());
        prepareTarget(target, request.mode(), asFolder);
        TargetPaths paths = new TargetPaths(target, request.mailbox() != null, asFolder);
        Ownership owner = Ownership.of(target);
        MaildirFileWriter writer = new MaildirFileWriter(blobs, owner, request.mode() != RestoreMode.EMPTY_TARGET);
        BaseNames bases = new BaseNames(snapshot.separator());
        ExistingBases existing = request.mode() == RestoreMode.MERGE
                ? ExistingBases.scan(target, bases) : ExistingBases.none();
        Run run = new Run(writer, bases, existing, request);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mailsnap-restore");
            t.setDaemon(true);
            return t;
        });
        try {
            for (FolderEntry folder : folders) {
                run.folder(paths, folder, pool);
            }
            run.awaitAll();
            if (asFolder != null) {
                List<List<String>> subscribe = new ArrayList<>();
                folders.forEach(f -> subscribe.add(asFolder.storageLevels(f.key().folder())));
                Subscriptions.add(target, subscribe, owner);
                run.notes.add("restored as the folder '" + asFolder + "' (" + folders.size() + " folder"
                        + (folders.size() == 1 ? "" : "s") + ", subscribed)");
            }
        } finally {
            pool.shutdownNow();
        }
        return new RestoreResult(folders.size(), run.messages.get(), run.bytes.get(), run.skipped.get(),
                run.controlFiles, run.notes);
    }

    private List<FolderEntry> selectFolders(Snapshot snapshot, RestoreRequest request) throws IOException {
        List<FolderEntry> selected = new ArrayList<>();
        List<String> mailboxes = new ArrayList<>();
        TreeReader.read(snapshot.tree(), blobs, f -> {
            if (mailboxes.isEmpty() || !mailboxes.get(mailboxes.size() - 1).equals(f.key().mailbox())) {
                mailboxes.add(f.key().mailbox());
            }
            if ((request.mailbox() == null || request.mailbox().equals(f.key().mailbox()))
                    && (request.folder() == null || request.folder().equals(f.key().folder()))) {
                selected.add(f);
            }
        });
        if (selected.isEmpty()) {
            String known = String.join(", ", mailboxes.subList(0, Math.min(5, mailboxes.size())))
                    + (mailboxes.size() > 5 ? ", …" : "");
            throw new IOException("the snapshot has no " + (request.folder() == null ? "" : "folder '"
                    + request.folder() + "' in ") + "mailbox '" + request.mailbox() + "' (mailboxes: " + known + ")");
        }
        return selected;
    }

    /** The folders whose manifest has a message with the requested base; fails when none has. */
    private List<FolderEntry> holdingBase(List<FolderEntry> folders, BaseNames bases, RestoreRequest request)
            throws IOException {
        List<FolderEntry> holding = new ArrayList<>();
        for (FolderEntry folder : folders) {
            boolean[] found = {false};
            ManifestReader.read(folder.manifest(), blobs,
                    p -> found[0] |= bases.baseOf(p.name()).equals(request.base())
                            || p.identity(bases.baseOf(p.name())).equals(request.base()));
            if (found[0]) {
                holding.add(folder);
            }
        }
        if (holding.isEmpty()) {
            throw new IOException("the snapshot has no message with base or GUID '" + request.base() + "' in mailbox '"
                    + request.mailbox() + "'" + (request.folder() == null ? "" : " folder '" + request.folder() + "'"));
        }
        return holding;
    }

    /** A restore as a folder never writes into a folder the mailbox has: not the name, not one below it. */
    private static void refuseExistingFolder(Path mailboxRoot, RestoreFolder asFolder) throws IOException {
        String top = asFolder.directory();
        try (var entries = Files.newDirectoryStream(mailboxRoot)) {
            for (Path entry : entries) {
                String name = FileNames.nameOf(entry);
                if (name.equals(top) || name.startsWith(top + ".")) {
                    throw new IOException("the mailbox already has the folder '" + asFolder + "' (" + name
                            + "): choose another name");
                }
            }
        }
    }

    private static void prepareTarget(Path target, RestoreMode mode, RestoreFolder asFolder) throws IOException {
        if (mode != RestoreMode.EMPTY_TARGET) {
            if (!Files.isDirectory(target)) {
                throw new IOException((mode == RestoreMode.MERGE ? "merge" : "restore") + " target " + target
                        + " is not an existing mailbox directory");
            }
            if (asFolder != null) {
                refuseExistingFolder(target, asFolder);
            }
            return;
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IOException("restore target " + target + " exists and is not a directory");
            }
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("restore target " + target + " is not empty (use an empty directory, or"
                            + " --merge to add missing messages to a live mailbox)");
                }
            }
        } else {
            Files.createDirectories(target);
        }
    }

    /** The state of one restore: counters, in-flight writes, notes. */
    private final class Run {
        final MaildirFileWriter writer;
        final BaseNames bases;
        final ExistingBases existing;
        final RestoreRequest request;
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        final int windowSize = threads * 4;
        final Semaphore window = new Semaphore(windowSize);
        long controlFiles;

        Run(MaildirFileWriter writer, BaseNames bases, ExistingBases existing, RestoreRequest request) {
            this.writer = writer;
            this.bases = bases;
            this.existing = existing;
            this.request = request;
        }

        void folder(TargetPaths paths, FolderEntry folder, ExecutorService pool) throws IOException {
            Path root = paths.mailboxRoot(folder.key());
            Path dir = paths.folderDir(folder.key());
            boolean isRoot = folder.key().folder().isEmpty();
            String shown = folder.key().toString();
            KeywordTranslation keywords = null;
            if (request.mode() == RestoreMode.EMPTY_TARGET) {
                createMaildir(root);
                createMaildir(dir);
                writeControlFiles(paths, dir, folder, isRoot);
            } else if (request.mode() == RestoreMode.AS_FOLDER) {
                // a folder nobody has opened yet: its marker, its directories, the snapshot's keyword names (so the
                // letters in the names mean what they meant); no uidlist: Dovecot gives the messages new UIDs
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("refusing to restore into the existing folder " + dir);
                }
                writer.ensureDirectory(dir);
                writer.createEmptyFile(paths.file(dir, MAILDIRFOLDER));
                createMaildir(dir);
                for (ControlFile c : folder.controlFiles()) {
                    if (c.name().equals(ControlFiles.KEYWORDS)) {
                        writer.write(dir.resolve("tmp"), paths.file(dir, c.name()), c.chunks(), c.size(),
                                c.mtimeNanos());
                        controlFiles++;
                    }
                }
            } else {
                if (!isRoot && !Files.isDirectory(dir)) {
                    writer.ensureDirectory(dir);
                    // Never in the root: there it would break quota (maildir-facts.md).
                    writer.createEmptyFile(paths.file(dir, MAILDIRFOLDER));
                    notes.add("created folder " + shown);
                }
                createMaildir(dir);
                keywords = new KeywordTranslation(shown, bases.separator(), snapshotKeywords(folder),
                        liveKeywords(paths, dir));
            }
            long[] counts = new long[2];
            KeywordTranslation translation = keywords;
            ManifestReader.read(folder.manifest(), blobs,
                    p -> message(paths, folder.key().folder(), dir, p, translation, counts, pool));
            if (translation != null) {
                notes.addAll(translation.notes());
                if (counts[0] + counts[1] > 0) {
                    notes.add(shown + ": " + counts[0] + " restored, " + counts[1]
                            + " skipped (base already in the mailbox)");
                }
            }
        }

        private void createMaildir(Path dir) throws IOException {
            for (String sub : List.of("cur", "new", "tmp")) {
                writer.ensureDirectory(dir.resolve(sub));
            }
        }

        private void writeControlFiles(TargetPaths paths, Path dir, FolderEntry folder, boolean isRoot)
                throws IOException {
            for (ControlFile c : folder.controlFiles()) {
                if (isRoot && c.name().equals(MAILDIRFOLDER)) {
                    notes.add("not restoring maildirfolder in the mailbox root (it would break quota)");
                    continue;
                }
                writer.write(dir.resolve("tmp"), paths.file(dir, c.name()), c.chunks(), c.size(), c.mtimeNanos());
                controlFiles++;
            }
        }

        private Keywords snapshotKeywords(FolderEntry folder) throws IOException {
            for (ControlFile c : folder.controlFiles()) {
                if (c.name().equals(ControlFiles.KEYWORDS)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    for (BlobId id : c.chunks()) {
                        bytes.writeBytes(blobs.get(id));
                    }
                    return Keywords.parse(bytes.toByteArray(), "the snapshot's " + folder.key() + " "
                            + ControlFiles.KEYWORDS);
                }
            }
            return null;
        }

        /** The live folder's keywords as they are now; Dovecot may add some later, never renumber them. */
        private Keywords liveKeywords(TargetPaths paths, Path dir) throws IOException {
            Path file = paths.file(dir, ControlFiles.KEYWORDS);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            try {
                return Keywords.parse(Files.readAllBytes(file), file.toString());
            } catch (NoSuchFileException gone) {
                return null;
            }
        }

        /** counts[0]: messages queued for writing, counts[1]: skipped because the base exists. */
        void message(TargetPaths paths, String folder, Path dir, Placement p, KeywordTranslation keywords,
                     long[] counts, ExecutorService pool) throws IOException {
            String base = bases.baseOf(p.name());
            String guid = p.identity(base);
            if (request.base() != null && !request.base().equals(base) && !request.base().equals(guid)) {
                return;
            }
            ExistingBases.Holder holder = existing.holderOf(base, guid);
            if (holder != null) {
                skipped.incrementAndGet();
                counts[1]++;
                noteSkip(folder, p.name(), base, holder);
                return;
            }
            counts[0]++;
            String name = keywords == null ? p.name() : keywords.translate(p.name());
            // a GUID is a base Dovecot once wrote; one that could not be (a dot file Maildir hides, an info part)
            // is never used as a name
            String usableGuid = guid.startsWith(".") || guid.indexOf(bases.separator()) >= 0 ? base : guid;
            String free = request.mode() != RestoreMode.MERGE ? base
                    : existing.freeBase(dir, base, usableGuid, () -> FreshBase.like(base, Instant.now()));
            if (!free.equals(base)) {
                name = free + name.substring(base.length());
                notes.add("restored " + (folder.isEmpty() ? "INBOX" : folder) + "/" + p.name() + " as " + name
                        + (free.equals(usableGuid) ? ": under its Dovecot GUID, which Dovecot will report again"
                        : ": the folder's uidlist still lists its base (an expunged message would reappear)"));
            }
            Path finalPath = paths.file(dir.resolve(p.inCur() ? "cur" : "new"), name);
            List<BlobId> chunks = new ArrayList<>(1 + p.content().body().size());
            chunks.add(p.content().header());
            chunks.addAll(p.content().body());
            acquire(1);
            rethrowFailure();
            pool.execute(() -> {
                try {
                    bytes.addAndGet(writer.write(dir.resolve("tmp"), finalPath, chunks, p.content().size(),
                            p.mtimeNanos()));
                    messages.incrementAndGet();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    window.release();
                }
            });
        }

        /**
         * A message the live mailbox has already is left alone; where the mailbox has it somewhere else than the
         * snapshot had it (moved, or moved back under a new base by Dovecot), the note says so.
         */
        private void noteSkip(String folder, String name, String base, ExistingBases.Holder holder) {
            boolean sameBase = base.equals(bases.baseOf(holder.name()));
            if (sameBase && holder.folder().equals(folder)) {
                return; // still where it was: the common case of a merge, counted only
            }
            String where = holder.folder().isEmpty() ? "INBOX" : holder.folder();
            notes.add("skipped " + (folder.isEmpty() ? "INBOX" : folder) + "/" + name + ": "
                    + (sameBase ? "moved to " + where : "moved to " + where + " under another name ("
                    + holder.name() + ", same GUID)"));
        }

        /** Waits until every submitted write has finished, then reports the first failure. */
        void awaitAll() throws IOException {
            acquire(windowSize);
            window.release(windowSize);
            rethrowFailure();
        }

        private void acquire(int permits) throws InterruptedIOException {
            try {
                window.acquire(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("restore interrupted");
            }
        }

        private void rethrowFailure() throws IOException {
            Throwable t = failure.get();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t != null) {
                throw new IOException("restore failed: " + t, t);
            }
        }
    }
}
