package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.catalog.UnfinishedRun;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.GearChunker;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.fs.FileNames;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.maildir.CaptureObserver;
import org.mailsnap.maildir.DirectoryTimes;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.maildir.MailboxFinder;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotStats;
import org.mailsnap.snapshot.TreeWriter;

/**
 * One backup run of one store into one repository, as the package doc lays it out: under a shared repository lock,
 * {@link MailboxRun} backs up each mailbox in name order, {@link RunState} checkpoints, and the snapshot object is
 * written last.
 */
public final class Backup {
    private final Repository repository;
    private final Catalog catalog;
    private final MessageFiles files;
    private final FolderLocker locker;
    private final Clock clock;

    public Backup(Repository repository, Catalog catalog, MessageFiles files, FolderLocker locker, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.files = files;
        this.locker = locker;
        this.clock = clock;
    }

    public BackupResult run(BackupSettings requested, BackupProgress progress) throws IOException {
        Instant start = clock.instant();
        long began = System.nanoTime();
        Path store = requested.store().toAbsolutePath().normalize();
        Path source = requested.readFrom().toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new IOException("mail store " + source + " is not a directory");
        }
        String storeKey = Snapshot.storeKey(requested.host(), FileNames.pathName(store));
        try (CatalogReadAdvice readAdvice = CatalogReadAdvice.start(catalog);
                RepositoryLock lock = repository.lockShared()) {
            CatalogSync.blobIndex(repository, catalog); // other hosts may have written index files
            boolean readAgain = !requested.rescan() && stateMayNameDeletedBlobs(storeKey);
            BackupSettings settings = readAgain ? requested.rescanning() : requested;
            RunBlobIndex blobIndex = new RunBlobIndex(catalog.blobs());
            BlobStore blobs = repository.openBlobStore(blobIndex);
            byte[] seed = repository.chunkerSeed();
            GearChunker gear = new GearChunker(seed, repository.config().chunker());
            Optional<SnapshotSummary> parent = latest(storeKey);
            List<String> notFollowed = new ArrayList<>();
            Map<String, MailboxRootListing> knownRoots = settings.rescan() ? Map.of() : knownRoots(storeKey);
            MailboxFinder.Finding finding = new MailboxFinder(settings.layout(), listingClock(settings))
                    .find(source, notFollowed::add, knownRoots);
            RootListings roots = new RootListings(knownRoots, finding.listings());
            List<Mailbox> mailboxes = new ArrayList<>(finding.mailboxes());
            if (mailboxes.isEmpty() && !settings.allowEmpty()) {
                throw new EmptyStoreException(store, notFollowed);
            }
            mailboxes.sort(Comparator.comparing(Mailbox::name));
            progress.mailboxes.total.set(mailboxes.size());
            progress.notFollowed.set(notFollowed.size());

            RunState run = new RunState(
                    catalog,
                    blobs,
                    blobIndex,
                    storeKey,
                    ManifestWriter.Chunkers.of(seed),
                    new RecordChunker(seed, ChunkerParams.CONTROL_LINES, ControlFileStorer.TYPICAL_LINE_BYTES),
                    settings,
                    progress,
                    start,
                    parent);
            if (readAgain) {
                run.report(new BackupProblem.StoreReadAgain());
            }
            notFollowed.forEach(link -> run.report(new BackupProblem.LinkNotFollowed(link)));
            try (BoundedWorkers workers = new BoundedWorkers("mailsnap-read", settings.threads(), "backup");
                    MessagePrefetch prefetch = new MessagePrefetch(files)) {
                return runMailboxes(
                        run, mailboxes, roots, readAdvice, workers, prefetch, gear, seed, began, store, parent);
            } finally {
                run.close();
            }
        }
    }

    private BackupResult runMailboxes(
            RunState run,
            List<Mailbox> mailboxes,
            RootListings roots,
            CatalogReadAdvice readAdvice,
            BoundedWorkers workers,
            MessagePrefetch prefetch,
            GearChunker gear,
            byte[] seed,
            long began,
            Path store,
            Optional<SnapshotSummary> parent)
            throws IOException {
        BackupSettings settings = run.settings;
        MessageReads reads = new MessageReads(
                files, new MessageStorer(gear, run.sink), settings.separator(), workers, prefetch, run.progress);
        MailboxRun mailboxRun = new MailboxRun(run, capture(settings), reads);
        TreeWriter tree = new TreeWriter(TreeWriter.chunker(seed), run.sink);

        Map<String, List<FolderKey>> previousFolders = new HashMap<>();
        for (FolderKey key : run.folders()) {
            previousFolders
                    .computeIfAbsent(key.mailbox(), m -> new ArrayList<>())
                    .add(key);
        }
        Map<String, Mailbox> byName = new HashMap<>();
        mailboxes.forEach(m -> byName.put(m.name(), m));
        TreeSet<String> names = new TreeSet<>(byName.keySet());
        names.addAll(previousFolders.keySet());
        names.addAll(roots.before().keySet());

        long mailboxCount = 0;
        long folders = 0;
        long messages = 0;
        long bytes = 0;
        for (String name : names) {
            List<FolderKey> previous = previousFolders.getOrDefault(name, List.of());
            Mailbox mailbox = byName.get(name);
            if (mailbox == null) { // gone from the store: dropped from the catalog
                for (FolderKey key : previous) {
                    run.deleteFolder(key);
                }
                roots.forget(run, name);
                run.deleteContentTable(name);
                continue;
            }
            int problemsBefore = run.problemCount();
            List<FolderEntry> entries = mailboxRun.backup(mailbox, previous);
            roots.keep(run, name, run.problemCount() == problemsBefore);
            entries.sort(Comparator.comparing(FolderEntry::key));
            for (FolderEntry e : entries) {
                tree.add(e);
                folders++;
                messages += e.messages();
                bytes += e.bytes();
            }
            mailboxCount++;
            run.progress.mailboxes.done.increment();
            readAdvice.afterMailbox(run.progress);
            run.maybeCheckpoint();
        }
        List<org.mailsnap.model.BlobId> treeIds = tree.finish();
        run.flush();
        SnapshotStats stats = new SnapshotStats(
                mailboxCount,
                folders,
                messages,
                bytes,
                run.progress.messagesRead.get(),
                run.progress.bytesRead.get(),
                run.blobs.stats().bytesStored(),
                run.progress.lockHoldMaxNanos.get(),
                run.progress.lockHoldTotalNanos.get(),
                System.nanoTime() - began,
                run.failedMailboxes());
        Snapshot snapshot = new Snapshot(
                run.start,
                settings.host(),
                FileNames.pathName(store),
                settings.separator(),
                parent.map(p -> p.id().hex()).orElse(""),
                settings.tags(),
                treeIds,
                stats);
        SnapshotId id = SnapshotStore.save(repository, snapshot);
        try {
            run.commit(new SnapshotSummary(id, run.start, settings.host(), run.storeKey, messages));
        } catch (IOException e) {
            throw new CatalogNotUpdatedException(id, catalog.directory(), e);
        }
        boolean shrank = !settings.allowShrink() && parent.isPresent() && shrank(parent.get(), messages);
        if (shrank) {
            run.report(new BackupProblem.StoreShrank(messages, parent.get(), id));
        }
        return new BackupResult(id, snapshot, run.blobs.stats(), run.progress, run.problems(), shrank);
    }

    /**
     * The live store's listing times are the clock's; a filesystem snapshot's are its creation time, which is what
     * the listing shows, however long after it the run lists.
     */
    private static Clock listingClock(BackupSettings settings) {
        return settings.frozen() == null
                ? Clock.systemUTC()
                : Clock.fixed(settings.frozen().takenAt(), java.time.ZoneOffset.UTC);
    }

    private MailboxCapture capture(BackupSettings settings) {
        return new MailboxCapture(
                locker, listingClock(settings), DirectoryTimes.SAFE_GRANULARITY, CaptureObserver.NONE);
    }

    /**
     * True when a run saw fewer than half the messages of the store's previous snapshot: more likely an unmounted
     * volume, a failed mount of part of the store or lost mailboxes than mail deleted between two runs.
     */
    static boolean shrank(SnapshotSummary previous, long messages) {
        return messages < previous.messageCount() - previous.messageCount() / 2;
    }

    /** What the last run saw in the store's mailbox roots, for the finder. */
    private Map<String, MailboxRootListing> knownRoots(String storeKey) throws IOException {
        try (var reader = catalog.read()) {
            return reader.mailboxRoots(storeKey);
        }
    }

    /**
     * True when the store's last run stopped after a checkpoint and a prune was seen since: its folder states,
     * placements and contents may name blobs the prune deleted, so none of them may be carried into a snapshot
     * unchecked ({@link UnfinishedRun}).
     */
    private boolean stateMayNameDeletedBlobs(String storeKey) throws IOException {
        try (var reader = catalog.read()) {
            return reader.unfinishedRun(storeKey).orElse(null) == UnfinishedRun.PRUNED_SINCE;
        }
    }

    private Optional<SnapshotSummary> latest(String storeKey) throws IOException {
        try (var reader = catalog.read()) {
            return reader.snapshots().stream()
                    .filter(s -> s.storeKey().equals(storeKey))
                    .max(Comparator.comparing(SnapshotSummary::time));
        }
    }
}
