package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.ContentTable;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;

/**
 * Step 5 of a mailbox's backup, for the attempt the snapshot keeps: writes the manifests (all folders of a mailbox
 * share its content table, so when one folder was listed all are written, unchanged ones to the chunks they had) and
 * the listed folders' control files, records placements and folder states in the open catalog transaction (the
 * search index through
 * {@link SearchIndexUpdate}), reports the attempt's problems and adds its counts to the run's progress.
 */
final class MailboxRecorder {
    private final LastRunState state;
    private final SearchIndexUpdate searchIndex;
    private final Supplier<ManifestWriter> manifests;
    private final ControlFileStorer controlFiles;
    private final BaseNames bases;
    private final BackupProgress progress;
    private final BackupProblem.Sink problems;
    /** Where the blobs of the mailbox's folder states are taken as stored; null: never (a rescan checks them all). */
    private final RunBlobIndex trustedBlobs;

    MailboxRecorder(
            LastRunState state,
            SearchIndexUpdate searchIndex,
            Supplier<ManifestWriter> manifests,
            ControlFileStorer controlFiles,
            BaseNames bases,
            BackupProgress progress,
            BackupProblem.Sink problems,
            RunBlobIndex trustedBlobs) {
        this.state = state;
        this.searchIndex = searchIndex;
        this.manifests = manifests;
        this.controlFiles = controlFiles;
        this.bases = bases;
        this.progress = progress;
        this.problems = problems;
        this.trustedBlobs = trustedBlobs;
    }

    /**
     * Records the attempt the snapshot keeps.
     *
     * @return the mailbox's folder entries
     */
    List<FolderEntry> keep(
            Mailbox mailbox,
            Map<FolderKey, FolderState> previous,
            MailboxAttempt a,
            Map<String, MessageReads.Outcome> readThisRun)
            throws IOException {
        Optional<ContentTable> lastTable = state.contentTable(mailbox.name());
        if (trustedBlobs == null) {
            return keepAttempt(mailbox, previous, lastTable, a, readThisRun);
        }
        // the manifests and control files written below are mostly the chunks the folders' states already name
        trustedBlobs.takeAsStored(referencedBy(previous.values(), lastTable));
        try {
            return keepAttempt(mailbox, previous, lastTable, a, readThisRun);
        } finally {
            trustedBlobs.takeAsStored(Set.of());
        }
    }

    /**
     * The manifest chunks and control file chunks that folder states name, and the content chunks of {@code table}
     * when they name its index (the record is the last run's, which an older version may have left behind).
     */
    private static Set<BlobId> referencedBy(Collection<FolderState> states, Optional<ContentTable> table) {
        Set<BlobId> ids = new HashSet<>();
        for (FolderState s : states) {
            ids.addAll(s.entry().manifest());
            for (ControlFile c : s.entry().controlFiles()) {
                ids.addAll(c.chunks());
            }
        }
        table.filter(t -> ids.contains(t.index())).ifPresent(t -> ids.addAll(t.chunks()));
        return ids;
    }

    private List<FolderEntry> keepAttempt(
            Mailbox mailbox,
            Map<FolderKey, FolderState> previous,
            Optional<ContentTable> lastTable,
            MailboxAttempt a,
            Map<String, MessageReads.Outcome> readThisRun)
            throws IOException {
        a.problems.forEach(problems::report);
        progress.foldersListed.add(a.listed.size());
        progress.foldersUnchanged.add(a.unchangedFolders);
        progress.messagesSeen.add(a.seen);
        progress.renamed.add(a.renamed);
        progress.movedIn.add(a.movedIn);
        progress.unreadable.add(a.unreadable);
        progress.changedInPlace.add(a.changedInPlace);
        progress.vanished.add(a.vanished.size());
        progress.gone.add(a.goneByGuid.size());
        for (FolderKey old : previous.keySet()) {
            if (!a.present.contains(old)) {
                state.deleteFolder(old);
            }
        }
        TreeMap<FolderKey, FolderEntry> entries = new TreeMap<>(a.unlisted);
        Map<String, List<SearchIndexUpdate.Place>> placed = new HashMap<>();
        for (MailboxAttempt.ListedFolder folder : a.listed) {
            for (FolderMerge.Slot s : folder.merge.slots) {
                if (s.known()) {
                    placed.computeIfAbsent(s.listed.identity(), g -> new ArrayList<>())
                            .add(new SearchIndexUpdate.Place(
                                    folder.captured.key().folder(),
                                    s.placement().name()));
                }
            }
        }
        Map<FolderKey, List<BlobId>> manifests = writeManifests(mailbox.name(), lastTable, a, placed);
        for (MailboxAttempt.ListedFolder folder : a.listed) {
            FolderEntry entry = record(folder, a.captured, manifests.get(folder.captured.key()));
            entries.put(entry.key(), entry);
        }
        refreshMailboxFiles(a.captured, mailbox.root(), entries, previous);
        referToNewTable(a.unlisted.keySet(), manifests, entries, previous);
        searchIndex.update(mailbox.name(), a.listed, readThisRun, a.goneByGuid.keySet(), placed);
        return new ArrayList<>(entries.values());
    }

    /**
     * Reads each unlisted folder's placements once, for two users. The manifests: when a folder was listed, every
     * folder's manifest is written, as they share the mailbox's content table, which changes with the placements of
     * any folder; an unlisted folder's chunks come out as before unless the table changed. The search index: a GUID
     * that left a listed folder and is placed in no listed one may stay in an unlisted folder (a copy kept when its
     * original is expunged), and its places there are added to {@code placed}. Nothing is read when neither needs it.
     */
    private Map<FolderKey, List<BlobId>> writeManifests(
            String mailbox,
            Optional<ContentTable> lastTable,
            MailboxAttempt a,
            Map<String, List<SearchIndexUpdate.Place>> placed)
            throws IOException {
        Set<String> unplaced = new HashSet<>(a.goneByGuid.keySet());
        unplaced.removeAll(placed.keySet());
        ManifestWriter manifests = a.listed.isEmpty() ? null : this.manifests.get();
        if (manifests == null && unplaced.isEmpty()) {
            return Map.of();
        }
        for (MailboxAttempt.ListedFolder folder : a.listed) {
            manifests.folder(folder.captured.key(), placed(folder));
        }
        for (FolderKey key : a.unlisted.keySet()) {
            List<Placement> placements = state.placements(key);
            if (manifests != null) {
                manifests.folder(key, placements);
            }
            for (Placement p : placements) {
                String guid = p.identity(bases.baseOf(p.name()));
                if (unplaced.contains(guid)) {
                    placed.computeIfAbsent(guid, g -> new ArrayList<>())
                            .add(new SearchIndexUpdate.Place(key.folder(), p.name()));
                }
            }
        }
        if (manifests == null) {
            return Map.of();
        }
        Map<FolderKey, List<BlobId>> written = manifests.finish();
        recordTable(mailbox, lastTable, manifests.table());
        return written;
    }

    /** Keeps the blobs of the mailbox's new content table for the next run; writes only a change from the last. */
    private void recordTable(String mailbox, Optional<ContentTable> before, Optional<ContentTable> table)
            throws IOException {
        if (table.isEmpty()) {
            if (before.isPresent()) {
                state.deleteContentTable(mailbox);
            }
        } else if (!table.equals(before)) {
            state.putContentTable(mailbox, table.get());
        }
    }

    private static List<Placement> placed(MailboxAttempt.ListedFolder folder) {
        return folder.merge.slots.stream()
                .filter(FolderMerge.Slot::known)
                .map(FolderMerge.Slot::placement)
                .toList();
    }

    /**
     * An unlisted folder whose manifest changed with the mailbox's content table gets the new one, so no snapshot
     * keeps an old table alive (and with it the blobs of messages expunged since).
     */
    private void referToNewTable(
            Set<FolderKey> unlisted,
            Map<FolderKey, List<BlobId>> manifests,
            Map<FolderKey, FolderEntry> entries,
            Map<FolderKey, FolderState> previous)
            throws IOException {
        for (FolderKey key : unlisted) {
            List<BlobId> manifest = manifests.get(key);
            FolderEntry entry = entries.get(key);
            if (manifest == null || manifest.equals(entry.manifest())) {
                continue;
            }
            FolderEntry updated = new FolderEntry(
                    key,
                    entry.newDirMtimeNanos(),
                    entry.curDirMtimeNanos(),
                    entry.messages(),
                    entry.bytes(),
                    manifest,
                    entry.controlFiles());
            entries.put(key, updated);
            state.putFolder(key, new FolderState(previous.get(key).listedAtNanos(), updated));
        }
    }

    /** Records the folder's control files and catalog state (its manifest is written), returns its tree entry. */
    private FolderEntry record(MailboxAttempt.ListedFolder folder, CapturedMailbox captured, List<BlobId> manifest)
            throws IOException {
        FolderKey key = folder.captured.key();
        List<Placement> placed = placed(folder);
        long bytes = placed.stream().mapToLong(p -> p.content().size()).sum();
        Map<String, byte[]> files = new TreeMap<>(folder.captured.controlFiles());
        if (key.folder().isEmpty()) {
            files.putAll(captured.mailboxControlFiles());
        }
        FolderEntry entry = new FolderEntry(
                key,
                folder.captured.newDirMtimeNanos(),
                folder.captured.curDirMtimeNanos(),
                placed.size(),
                bytes,
                manifest,
                storeControlFiles(folder.dir, files));
        for (Placement g : folder.merge.gone) {
            state.deletePlacement(key, bases.baseOf(g.name()));
        }
        for (FolderMerge.Slot s : folder.merge.slots) {
            if (s.state() != FolderMerge.Slot.State.PLACED) {
                continue;
            }
            Placement p = s.placement();
            state.putPlacement(
                    key,
                    new PlacementRecord(s.listed.base(), p.name(), p.guid(), p.inCur(), p.mtimeNanos(), p.content()));
        }
        boolean allStored = folder.merge.slots.stream().allMatch(FolderMerge.Slot::known);
        // A listed message that could not be stored (unreadable, say) keeps the folder dirty: a listing time of 0
        // makes every later run list it again, retry the message and report it, until it is stored.
        state.putFolder(
                key, new FolderState(allStored ? folder.captured.listedAtNanos() : FolderState.LIST_AGAIN, entry));
        return entry;
    }

    private List<ControlFile> storeControlFiles(Path dir, Map<String, byte[]> files) throws IOException {
        List<ControlFile> stored = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            stored.add(controlFiles.store(f.getKey(), mtimeOf(FileNames.child(dir, f.getKey())), f.getValue()));
        }
        return stored;
    }

    private static long mtimeOf(Path file) {
        try {
            return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * The mailbox-level files (subscriptions, uidvalidity) live in the root folder's directory and are captured
     * whenever anything was listed; when the root folder itself was not listed, its entry is updated with them.
     */
    private void refreshMailboxFiles(
            CapturedMailbox captured,
            Path rootDir,
            Map<FolderKey, FolderEntry> entries,
            Map<FolderKey, FolderState> previous)
            throws IOException {
        if (captured.mailboxControlFiles().isEmpty()) {
            return;
        }
        FolderKey rootKey = new FolderKey(captured.mailbox(), "");
        FolderEntry root = entries.get(rootKey);
        FolderState before = previous.get(rootKey);
        @SuppressWarnings("ReferenceEquality") // the same object: carried over, not listed, in this run
        boolean carriedOver = root != null && before != null && root == before.entry();
        if (!carriedOver) {
            return; // the root folder was listed (its entry already has them) or does not exist
        }
        Map<String, ControlFile> files = new TreeMap<>();
        for (ControlFile c : root.controlFiles()) {
            if (!ControlFiles.classify(c.name()).mailboxLevel()) {
                files.put(c.name(), c);
            }
        }
        for (Map.Entry<String, byte[]> f : captured.mailboxControlFiles().entrySet()) {
            files.put(f.getKey(), controlFiles.store(f.getKey(), mtimeOf(rootDir.resolve(f.getKey())), f.getValue()));
        }
        FolderEntry updated = new FolderEntry(
                rootKey,
                root.newDirMtimeNanos(),
                root.curDirMtimeNanos(),
                root.messages(),
                root.bytes(),
                root.manifest(),
                new ArrayList<>(files.values()));
        entries.put(rootKey, updated);
        state.putFolder(rootKey, new FolderState(before.listedAtNanos(), updated));
    }
}
