package org.mailsnap.restore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.SymlinkRefusedException;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestReader;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.TreeReader;

/**
 * Restores from one snapshot (see the package doc for the modes).
 *
 * <ol>
 *   <li>Select the folder entries of the requested mailbox and folder from the snapshot's tree; for one message,
 *       only the folders whose manifest holds its base (none: an error, nothing written).</li>
 *   <li>Empty target: refuse a non-empty directory (resume: accept it); merge: collect the bases and GUIDs the
 *       live mailbox holds now; as a folder: refuse a name the mailbox has. Open the target: the one path followed
 *       as given.</li>
 *   <li>Per folder: open or create each directory down to the folder and its {@code cur/ new/ tmp/}, each from its
 *       parent's handle without following a link (a link: the folder is named in the failures and skipped).
 *       Empty target: write its control files. Merge: create a folder the mailbox no longer has (with its
 *       {@code maildirfolder} marker), and prepare the keyword translation from the snapshot's
 *       {@code dovecot-keywords} to the live one. As a folder: the new folder with its marker and the snapshot's
 *       {@code dovecot-keywords}.</li>
 *   <li>Stream the folder's manifest; write each selected message on a worker thread, at most a few per thread in
 *       flight so memory stays bounded. A file whose content the repository cannot give back is named in the
 *       failures and the rest goes on; a failure to write the target stops the restore.</li>
 *   <li>As a folder: subscribe the new folders.</li>
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

    private TargetDirs.Hook hook = (parent, name) -> {};

    /** For tests: runs {@code hook} before each directory below the target is opened or created (to race it). */
    Restorer withHook(TargetDirs.Hook hook) {
        this.hook = hook;
        return this;
    }

    public RestoreResult restore(Snapshot snapshot, RestoreRequest request) throws IOException {
        List<FolderEntry> folders = selectFolders(snapshot, request);
        if (request.base() != null) {
            folders = holdingBase(folders, new BaseNames(snapshot.separator()), request);
        }
        Path target = request.target().toAbsolutePath().normalize();
        RestoreFolder asFolder = request.asFolder() == null ? null : RestoreFolder.parse(request.asFolder());
        try (DirHandle root = prepareTarget(target, request.mode(), asFolder)) {
            TargetPaths paths = new TargetPaths(target, request.mailbox() != null, asFolder);
            Ownership owner = Ownership.of(root);
            MaildirFileWriter writer = new MaildirFileWriter(blobs, owner, request.mode().live());
            BaseNames bases = new BaseNames(snapshot.separator());
            ExistingBases existing = request.mode() == RestoreMode.MERGE
                    ? ExistingBases.scan(target, bases) : ExistingBases.none();
            Run run = new Run(root, writer, bases, existing, request);
            // Writes still queued after a failure see it and do nothing; none runs once restore() returns.
            try (BoundedWorkers workers = new BoundedWorkers("mailsnap-restore", threads, "restore")) {
                for (FolderEntry folder : folders) {
                    run.folder(paths, folder, workers);
                }
                workers.awaitAll();
                if (asFolder != null) {
                    List<List<String>> subscribe = new ArrayList<>();
                    folders.forEach(f -> subscribe.add(asFolder.storageLevels(f.key().folder())));
                    Subscriptions.add(root, subscribe, owner);
                    run.notes.add("restored as the folder '" + asFolder + "' (" + folders.size() + " folder"
                            + (folders.size() == 1 ? "" : "s") + ", subscribed)");
                }
            }
            List<String> failures = new ArrayList<>(run.failures);
            Collections.sort(failures);
            return new RestoreResult(folders.size(), run.messages.get(), run.bytes.get(), run.skipped.get(),
                    run.controlFiles, run.notes, failures);
        }
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

    /**
     * Checks the target and opens it; the path the caller gave is followed (it is theirs), nothing below it will be.
     */
    private static DirHandle prepareTarget(Path target, RestoreMode mode, RestoreFolder asFolder) throws IOException {
        if (mode == RestoreMode.MERGE || mode == RestoreMode.AS_FOLDER) {
            if (!Files.isDirectory(target)) {
                throw new IOException((mode == RestoreMode.MERGE ? "merge" : "restore") + " target " + target
                        + " is not an existing mailbox directory");
            }
            if (asFolder != null) {
                refuseExistingFolder(target, asFolder);
            }
            return DirHandle.open(target);
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IOException("restore target " + target + " exists and is not a directory");
            }
            if (mode == RestoreMode.EMPTY_TARGET) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException("restore target " + target + " is not empty (use an empty directory,"
                                + " --resume to finish an interrupted restore into it, or --merge to add missing"
                                + " messages to a live mailbox)");
                    }
                }
            }
        } else {
            Files.createDirectories(target);
        }
        return DirHandle.open(target);
    }

    /** The state of one restore: counters, in-flight writes, notes, what could not be restored. */
    private final class Run {
        final TargetDirs dirsOf;
        final MaildirFileWriter writer;
        final BaseNames bases;
        final ExistingBases existing;
        final RestoreRequest request;
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long controlFiles;

        Run(DirHandle root, MaildirFileWriter writer, BaseNames bases, ExistingBases existing,
            RestoreRequest request) {
            this.dirsOf = new TargetDirs(root, writer, hook);
            this.writer = writer;
            this.bases = bases;
            this.existing = existing;
            this.request = request;
        }

        void folder(TargetPaths paths, FolderEntry folder, BoundedWorkers workers) throws IOException {
            String shown = folder.key().toString();
            FolderDirs dirs;
            try {
                dirs = dirsOf.open(paths, folder.key(), request.mode().exactCopy(), notes);
            } catch (SymlinkRefusedException link) {
                failures.add(link.getFile() + ": is a symbolic link, not followed; folder " + shown
                        + " not restored");
                return;
            } catch (NotDirectoryException other) {
                failures.add(other.getFile() + ": is not a directory; folder " + shown + " not restored");
                return;
            } catch (NoSuchFileException gone) {
                // Created, then removed or renamed by someone else before it could be opened.
                failures.add(gone.getFile() + ": is gone (removed or renamed while the restore opened it); folder "
                        + shown + " not restored");
                return;
            }
            try {
                KeywordTranslation keywords = null;
                if (request.mode().exactCopy()) {
                    writeControlFiles(dirs, folder, c -> true);
                } else if (request.mode() == RestoreMode.AS_FOLDER) {
                    // a new folder: the snapshot's keyword names, so the letters in the names mean what they meant;
                    // no uidlist: Dovecot gives the messages new UIDs
                    writeControlFiles(dirs, folder, c -> c.name().equals(ControlFiles.KEYWORDS));
                } else {
                    keywords = new KeywordTranslation(shown, bases.separator(), snapshotKeywords(folder),
                            liveKeywords(dirs.folder));
                }
                long[] counts = new long[2];
                KeywordTranslation translation = keywords;
                try {
                    ManifestReader.read(folder.manifest(), this::manifestBlob,
                            p -> message(dirs, folder.key(), p, translation, counts, workers));
                } catch (ContentUnavailableException e) {
                    // A manifest chunk is damaged: what it listed before the damage is being written.
                    failures.add(shown + ": its message list cannot be read (" + e.getMessage() + "); messages"
                            + " listed after the damage not restored");
                }
                if (translation != null) {
                    notes.addAll(translation.notes());
                    if (counts[0] + counts[1] > 0) {
                        notes.add(shown + ": " + counts[0] + " restored, " + counts[1]
                                + " skipped (base already in the mailbox)");
                    }
                }
            } finally {
                dirs.release();
            }
        }

        private void writeControlFiles(FolderDirs dirs, FolderEntry folder,
                                       java.util.function.Predicate<ControlFile> wanted) throws IOException {
            boolean isRoot = folder.key().folder().isEmpty();
            for (ControlFile c : folder.controlFiles()) {
                if (!wanted.test(c)) {
                    continue;
                }
                if (isRoot && c.name().equals(MAILDIRFOLDER)) {
                    notes.add("not restoring maildirfolder in the mailbox root (it would break quota)");
                    continue;
                }
                String name = TargetPaths.fileName(c.name());
                try {
                    if (request.mode() == RestoreMode.RESUME && writer.complete(dirs.folder, name, c.size())) {
                        continue;
                    }
                    writer.write(dirs.tmp, dirs.folder, name, c.chunks(), c.size(), c.mtimeNanos());
                    controlFiles++;
                } catch (ContentUnavailableException | FileAlreadyExistsException e) {
                    failures.add(folder.key() + ": " + name + ": " + e.getMessage());
                }
            }
        }

        private Keywords snapshotKeywords(FolderEntry folder) throws IOException {
            for (ControlFile c : folder.controlFiles()) {
                if (c.name().equals(ControlFiles.KEYWORDS)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try {
                        for (BlobId id : c.chunks()) {
                            bytes.writeBytes(blobs.get(id));
                        }
                    } catch (InterruptedIOException interrupted) {
                        throw interrupted;
                    } catch (IOException damaged) {
                        failures.add(folder.key() + ": the snapshot's " + ControlFiles.KEYWORDS + " cannot be read ("
                                + damaged.getMessage() + "); keyword letters of its messages are dropped");
                        return null;
                    }
                    return Keywords.parse(bytes.toByteArray(), "the snapshot's " + folder.key() + " "
                            + ControlFiles.KEYWORDS);
                }
            }
            return null;
        }

        /** A manifest chunk; a repository that cannot give it back is damage to report, not a reason to stop. */
        private byte[] manifestBlob(BlobId id) throws IOException {
            try {
                return blobs.get(id);
            } catch (InterruptedIOException interrupted) {
                throw interrupted;
            } catch (org.mailsnap.catalog.CatalogException localDamage) {
                throw localDamage; // the local catalog, not the repository: every lookup is suspect, so stop
            } catch (IOException unreadable) {
                throw new ContentUnavailableException(String.valueOf(unreadable.getMessage()), unreadable);
            }
        }

        /** The live folder's keywords as they are now; Dovecot may add some later, never renumber them. */
        private Keywords liveKeywords(DirHandle dir) throws IOException {
            Path file = dir.entry(ControlFiles.KEYWORDS);
            try {
                if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                    return null;
                }
                try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Channels.newInputStream(ch).transferTo(bytes);
                    return Keywords.parse(bytes.toByteArray(), dir.shown(ControlFiles.KEYWORDS));
                }
            } catch (NoSuchFileException gone) {
                return null;
            }
        }

        /** counts[0]: messages queued for writing, counts[1]: skipped because the base exists. */
        void message(FolderDirs dirs, FolderKey key, Placement p, KeywordTranslation keywords, long[] counts,
                     BoundedWorkers workers) throws IOException {
            String base = bases.baseOf(p.name());
            String guid = p.identity(base);
            if (request.base() != null && !request.base().equals(base) && !request.base().equals(guid)) {
                return;
            }
            ExistingBases.Holder holder = existing.holderOf(base, guid);
            if (holder != null) {
                skipped.incrementAndGet();
                counts[1]++;
                noteSkip(key.folder(), p.name(), base, holder);
                return;
            }
            counts[0]++;
            String name = keywords == null ? p.name() : keywords.translate(p.name());
            if (request.mode() == RestoreMode.MERGE) {
                // a GUID is a base Dovecot once wrote; one that could not be (a dot file Maildir hides, an info
                // part) is never used as a name
                String usableGuid = guid.startsWith(".") || guid.indexOf(bases.separator()) >= 0 ? base : guid;
                String free = existing.freeBase(key.folder(), base, usableGuid,
                        () -> FreshBase.like(base, Instant.now()));
                if (!free.equals(base)) {
                    name = free + name.substring(base.length());
                    notes.add("restored " + shownFolder(key.folder()) + "/" + p.name() + " as " + name
                            + (free.equals(usableGuid) ? ": under its Dovecot GUID, which Dovecot will report again"
                            : ": the folder's uidlist still lists its base (an expunged message would reappear)"));
                }
            }
            String fileName = TargetPaths.fileName(name);
            DirHandle dest = dirs.messages(p.inCur());
            List<BlobId> chunks = new ArrayList<>(1 + p.content().body().size());
            chunks.add(p.content().header());
            chunks.addAll(p.content().body());
            dirs.retain();
            workers.submit(() -> {
                try {
                    if (request.mode() == RestoreMode.RESUME && writer.complete(dest, fileName, p.content().size())) {
                        skipped.incrementAndGet();
                        return;
                    }
                    bytes.addAndGet(writer.write(dirs.tmp, dest, fileName, chunks, p.content().size(),
                            p.mtimeNanos()));
                    messages.incrementAndGet();
                } catch (ContentUnavailableException | FileAlreadyExistsException e) {
                    failures.add(key + ": " + (p.inCur() ? "cur/" : "new/") + fileName + ": " + e.getMessage());
                }
            }, dirs::release);
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
            notes.add("skipped " + shownFolder(folder) + "/" + name + ": moved to " + shownFolder(holder.folder())
                    + (sameBase ? "" : " under another name (" + holder.name() + ", same GUID)"));
        }

        private String shownFolder(String folder) {
            return folder.isEmpty() ? "INBOX" : folder;
        }
    }
}
