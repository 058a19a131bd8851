package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mailsnap.catalog.CatalogCursor;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.maildir.CaptureProblem;
import org.mailsnap.maildir.CapturedFolder;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.MailFolder;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.maildir.PreviousFolderState;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;

/**
 * Backs up one mailbox: the heart of an hourly run.
 *
 * <ol>
 *   <li>Capture under the locks (only folders whose directories changed are listed).</li>
 *   <li>Merge each listed folder with its previous placements by base: unchanged and renamed messages need no
 *       file access at all.</li>
 *   <li>Resolve bases new to a folder: a placement that left another folder of the mailbox in this run (a move),
 *       then the mailbox's content map (a copy, or a message that came back); only what is still unknown is read,
 *       once per base even when it sits in two folders.</li>
 *   <li>Read those messages in parallel (the lock is released by now).</li>
 *   <li>If a listed base was in no folder when it was read, capture the mailbox again (steps 1-4, reading only
 *       what this run has not read yet), up to {@link #MAX_CAPTURES} times: the snapshot must hold one real state
 *       of the mailbox, and a message Dovecot moved (or renamed to a new base) faster than the search could follow
 *       is in the new listing. Nothing is written before the capture to keep is chosen.</li>
 *   <li>Write the manifests of listed folders and the control files; record everything in the open catalog
 *       transaction; return the mailbox's folder entries for the snapshot tree.</li>
 * </ol>
 */
final class MailboxRun {
    private final RunState run;
    private final MailboxCapture capture;
    private final MessageReads reads;

    MailboxRun(RunState run, MailboxCapture capture, MessageReads reads) {
        this.run = run;
        this.capture = capture;
        this.reads = reads;
    }

    /** A listed folder on its way through the run. */
    private static final class Work {
        final CapturedFolder captured;
        final Path dir;
        final FolderMerge merge;
        /** With --rescan: each known slot's placement before it was sent to be read again. */
        final Map<FolderMerge.Slot, Placement> rescanExpected = new IdentityHashMap<>();

        Work(CapturedFolder captured, Path dir, FolderMerge merge) {
            this.captured = captured;
            this.dir = dir;
            this.merge = merge;
        }
    }

    /**
     * What one capture of the mailbox and the reads it asked for produced: nothing of it is written to the catalog
     * until it is the attempt the snapshot keeps.
     */
    private static final class Attempt {
        CapturedMailbox captured;
        /** Set when the capture itself failed (lock timeout, unreadable root): nothing else is. */
        IOException captureFailure;
        final List<Work> listed = new ArrayList<>();
        final TreeMap<FolderKey, FolderEntry> unlisted = new TreeMap<>();
        /** Placements that left their folder in this run, by message identity (GUID). */
        final Map<String, Placement> goneByGuid = new HashMap<>();
        final Set<FolderKey> present = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        /** Bases listed under the lock whose file was in no folder when it was read. */
        final Set<String> vanished = new HashSet<>();
        long seen;
        long renamed;
        long unchangedFolders;
        long movedIn;
        long unreadable;
        long changedInPlace;
    }

    /**
     * @param mailbox      the mailbox as discovered now
     * @param previousKeys the folders the catalog knows for it from earlier runs
     * @return its folder entries, sorted
     */
    List<FolderEntry> backup(Mailbox mailbox, List<FolderKey> previousKeys) throws IOException {
        Map<FolderKey, FolderState> previous = new TreeMap<>();
        for (FolderKey key : previousKeys) {
            run.writer.folder(run.storeKey, key).ifPresent(state -> previous.put(key, state));
        }
        // A base listed under the lock but found in no folder when read was expunged - or moved, or renamed by
        // Dovecot, faster than the search could follow. Either way the listing is no longer a state whose every
        // message can be stored, so the mailbox is captured again; what was read stays read.
        Map<String, MessageReads.Outcome> readThisRun = new HashMap<>();
        Attempt kept = null;
        for (int capture = 1; capture <= MAX_CAPTURES; capture++) {
            Attempt attempt = attempt(mailbox, previous, readThisRun);
            if (attempt.captureFailure != null) {
                if (kept == null) {
                    return failed(mailbox.name(), previous, attempt.captureFailure);
                }
                break; // e.g. Dovecot held a lock too long this time: the earlier capture is still a real state
            }
            kept = attempt;
            if (attempt.vanished.isEmpty()) {
                break;
            }
            if (capture < MAX_CAPTURES) {
                run.progress.recaptured.incrementAndGet();
            }
        }
        return keep(mailbox, previous, kept, readThisRun);
    }

    /** How many times one mailbox is captured in a run before messages that vanished are left out. */
    static final int MAX_CAPTURES = 4;

    /** Captures the mailbox, merges each listed folder, resolves and reads the unknown bases; writes nothing. */
    private Attempt attempt(Mailbox mailbox, Map<FolderKey, FolderState> previous,
                            Map<String, MessageReads.Outcome> readThisRun) throws IOException {
        Attempt a = new Attempt();
        try {
            a.captured = capture.capture(mailbox, run.settings.rescan() ? Map.of() : captureStates(previous));
        } catch (IOException e) {
            a.captureFailure = e;
            return a;
        }
        run.progress.lockHoldTotalNanos.addAndGet(a.captured.lockHoldNanos());
        run.progress.lockHoldMaxNanos.accumulateAndGet(a.captured.lockHoldNanos(), Math::max);
        for (CaptureProblem p : a.captured.problems()) {
            a.problems.add(mailbox.name() + " " + p.folder() + ": " + p.kind() + " " + p.detail());
        }
        Map<FolderKey, Path> dirs = new HashMap<>();
        for (MailFolder f : mailbox.folders()) {
            dirs.put(f.key(), f.dir());
        }
        for (CapturedFolder cf : a.captured.folders()) {
            a.present.add(cf.key());
            if (!cf.listed()) {
                FolderState state = previous.get(cf.key());
                if (state == null) {
                    // a new folder that could not be listed (e.g. permission denied): nothing to carry over
                    a.unreadable++;
                    a.problems.add(cf.key() + ": new folder could not be listed; not in this snapshot");
                    continue;
                }
                a.unchangedFolders++;
                a.seen += state.entry().messages();
                a.unlisted.put(cf.key(), state.entry());
                continue;
            }
            Work work = merge(cf, dirs.get(cf.key()), a);
            work.merge.gone.forEach(g -> a.goneByGuid.put(identity(g), g));
            a.listed.add(work);
        }
        for (Map.Entry<FolderKey, FolderState> old : previous.entrySet()) {
            if (!a.present.contains(old.getKey())) {
                for (Placement g : previousPlacements(old.getKey())) {
                    a.goneByGuid.put(identity(g), g);
                }
            }
        }
        List<Path> folderDirs = mailbox.folders().stream().map(MailFolder::dir).toList();
        resolve(mailbox.name(), folderDirs, a, readThisRun);
        return a;
    }

    /** Records the attempt the snapshot keeps: manifests, control files, catalog state, search index, counters. */
    private List<FolderEntry> keep(Mailbox mailbox, Map<FolderKey, FolderState> previous, Attempt a,
                                   Map<String, MessageReads.Outcome> readThisRun) throws IOException {
        a.problems.forEach(run::problem);
        BackupProgress progress = run.progress;
        progress.foldersListed.addAndGet(a.listed.size());
        progress.foldersUnchanged.addAndGet(a.unchangedFolders);
        progress.messagesSeen.addAndGet(a.seen);
        progress.renamed.addAndGet(a.renamed);
        progress.movedIn.addAndGet(a.movedIn);
        progress.unreadable.addAndGet(a.unreadable);
        progress.changedInPlace.addAndGet(a.changedInPlace);
        progress.vanished.addAndGet(a.vanished.size());
        progress.gone.addAndGet(a.goneByGuid.size());
        for (FolderKey old : previous.keySet()) {
            if (!a.present.contains(old)) {
                run.writer.deleteFolder(run.storeKey, old);
            }
        }
        TreeMap<FolderKey, FolderEntry> entries = new TreeMap<>(a.unlisted);
        Set<String> placedGuids = new HashSet<>();
        for (Work work : a.listed) {
            FolderEntry entry = record(work, a.captured);
            entries.put(entry.key(), entry);
            for (FolderMerge.Slot s : work.merge.slots) {
                if (s.placement != null) {
                    placedGuids.add(s.listed.identity());
                }
            }
        }
        refreshMailboxFiles(a.captured, mailbox.root(), entries, previous);
        updateSearchIndex(mailbox.name(), a.listed, readThisRun, a.goneByGuid, placedGuids);
        return new ArrayList<>(entries.values());
    }

    private static Map<FolderKey, PreviousFolderState> captureStates(Map<FolderKey, FolderState> previous) {
        Map<FolderKey, PreviousFolderState> states = new HashMap<>();
        previous.forEach((key, s) -> states.put(key, new PreviousFolderState(s.entry().newDirMtimeNanos(),
                s.entry().curDirMtimeNanos(), s.listedAtNanos())));
        return states;
    }

    /** A mailbox that could not be captured keeps its previous state in the snapshot; the run is partial. */
    private List<FolderEntry> failed(String mailbox, Map<FolderKey, FolderState> previous, IOException e) {
        run.failedMailboxes.add(mailbox);
        run.problem(mailbox + ": not backed up: " + e.getMessage()
                + (previous.isEmpty() ? "" : " (the snapshot keeps its state from the previous run)"));
        List<FolderEntry> kept = new ArrayList<>();
        previous.values().forEach(s -> kept.add(s.entry()));
        return kept;
    }

    private Work merge(CapturedFolder cf, Path dir, Attempt a) throws IOException {
        List<ListedFile> listing = Listings.sortedByBase(cf.newNames(), cf.curNames(), run.bases, guidsByBase(cf),
                duplicate -> a.problems.add(cf.key() + ": two files with one base, kept the cur/ one, not " + duplicate));
        FolderMerge merge = FolderMerge.merge(listing, previousPlacements(cf.key()).iterator(), run.bases);
        Work work = new Work(cf, dir, merge);
        a.seen += merge.slots.size();
        a.renamed += merge.renamed;
        if (run.settings.rescan()) {
            for (FolderMerge.Slot s : merge.slots) {
                if (s.placement != null) {
                    work.rescanExpected.put(s, s.placement);
                    s.placement = null;
                    s.previous = false;
                    merge.unknown.add(s);
                }
            }
        }
        return work;
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
        return p.identity(run.bases.baseOf(p.name()));
    }

    private List<Placement> previousPlacements(FolderKey key) throws IOException {
        List<Placement> list = new ArrayList<>();
        try (CatalogCursor<PlacementRecord> cursor = run.writer.placements(run.storeKey, key)) {
            while (cursor.hasNext()) {
                list.add(cursor.next().placement());
            }
        }
        return list;
    }

    /**
     * Fills unknown slots from what this run already read, from moves and from the content map, and reads the
     * rest; what is read is added to {@code readThisRun}, what vanished to the attempt.
     */
    private void resolve(String mailbox, List<Path> folderDirs, Attempt a,
                         Map<String, MessageReads.Outcome> readThisRun) throws IOException {
        Map<String, List<FolderMerge.Slot>> waiting = new HashMap<>();
        Map<FolderMerge.Slot, Work> workOf = new IdentityHashMap<>();
        Map<MessageReads.Request, String> guidOf = new IdentityHashMap<>();
        List<MessageReads.Request> requests = new ArrayList<>();
        for (Work work : a.listed) {
            for (FolderMerge.Slot slot : work.merge.unknown) {
                workOf.put(slot, work);
                ListedFile file = slot.listed;
                MessageReads.Outcome alreadyRead = readThisRun.get(file.identity());
                if (alreadyRead != null) {
                    fill(slot, alreadyRead, work, a);
                    continue;
                }
                if (!run.settings.rescan() && reuse(mailbox, slot, a)) {
                    continue;
                }
                List<FolderMerge.Slot> same = waiting.get(file.identity());
                if (same != null) {
                    same.add(slot); // a copy (one GUID in two folders) is read once
                    continue;
                }
                waiting.put(file.identity(), new ArrayList<>(List.of(slot)));
                MessageReads.Request request = new MessageReads.Request(work.dir, file.inCur() ? "cur" : "new",
                        file.name(), file.base(), folderDirs);
                guidOf.put(request, file.identity());
                requests.add(request);
            }
        }
        for (MessageReads.Outcome outcome : reads.readAll(requests)) {
            String guid = guidOf.get(outcome.request());
            if (outcome.vanished()) {
                a.vanished.add(outcome.request().base());
                continue;
            }
            if (outcome.problem() != null) {
                a.problems.add(outcome.problem());
                a.unreadable++;
                for (FolderMerge.Slot slot : waiting.get(guid)) {
                    Placement before = workOf.get(slot).rescanExpected.get(slot);
                    if (before != null) {
                        // unreadable now, but known: keep what the last run stored rather than drop it
                        slot.placement = before;
                    }
                }
                continue;
            }
            readThisRun.put(guid, outcome);
            run.readSinceCheckpoint++;
            for (FolderMerge.Slot slot : waiting.get(guid)) {
                fill(slot, outcome, workOf.get(slot), a);
            }
        }
    }

    /** Places a slot with content read in this run (by this attempt or an earlier capture of the mailbox). */
    private void fill(FolderMerge.Slot slot, MessageReads.Outcome outcome, Work work, Attempt a) {
        MessageContent now = outcome.stored().content();
        Placement before = work.rescanExpected.get(slot);
        if (before != null && !before.content().equals(now)) {
            a.changedInPlace++;
            a.problems.add(work.captured.key() + ": " + slot.listed.name()
                    + " changed in place since it was stored; the new bytes are stored as a new version");
        }
        slot.placement = new Placement(slot.listed.name(), slot.listed.guid(), slot.listed.inCur(),
                outcome.mtimeNanos(), now);
    }

    /**
     * Places a message this mailbox already holds by its GUID: one that left another folder in this run (a move,
     * also one Dovecot re-based), else one the content map knows (a copy, a message that came back). For a GUID
     * taken from the uidlist rather than the base, the name's {@code ,S=} size hint must agree with the known
     * content: the uidlist is the mail user's file, and a wrong {@code G} must not make another message's bytes
     * stand in for this file.
     */
    private boolean reuse(String mailbox, FolderMerge.Slot slot, Attempt a) throws IOException {
        ListedFile file = slot.listed;
        Placement moved = a.goneByGuid.get(file.identity());
        if (moved != null && plausible(file, moved.content().size())) {
            slot.placement = moved.at(file.name(), file.guid(), file.inCur());
            a.movedIn++;
            return true;
        }
        Optional<KnownMessage> known = run.writer.content(mailbox, file.identity());
        if (known.isPresent() && plausible(file, known.get().content().size()) && indexed(known.get().content())) {
            slot.placement = new Placement(file.name(), file.guid(), file.inCur(), known.get().mtimeNanos(),
                    known.get().content());
            a.movedIn++;
            return true;
        }
        return false;
    }

    private boolean plausible(ListedFile file, long knownSize) {
        if (file.guid().isEmpty()) {
            return true;
        }
        OptionalLong hint = MaildirName.parse(file.name(), run.settings.separator()).sizeHint();
        return hint.isEmpty() || hint.getAsLong() == knownSize;
    }

    /**
     * True when every blob of {@code content} is in the blob index. The content map remembers messages long gone;
     * once a prune has deleted a returning message's blobs (the catalog dropped them at its sync), the file is read
     * and stored again instead of referencing deleted data.
     */
    private boolean indexed(org.mailsnap.model.MessageContent content) throws IOException {
        if (run.blobIndex.find(content.header()).isEmpty()) {
            return false;
        }
        for (org.mailsnap.model.BlobId body : content.body()) {
            if (run.blobIndex.find(body).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Writes the folder's manifest and control files, updates its catalog state, returns its tree entry. */
    private FolderEntry record(Work work, CapturedMailbox captured) throws IOException {
        FolderKey key = work.captured.key();
        ManifestWriter manifest = new ManifestWriter(run.manifestChunker, run.bases, run.sink);
        long bytes = 0;
        for (FolderMerge.Slot s : work.merge.slots) {
            if (s.placement != null) {
                manifest.add(s.placement);
                bytes += s.placement.content().size();
            }
        }
        Map<String, byte[]> files = new TreeMap<>(work.captured.controlFiles());
        if (key.folder().isEmpty()) {
            files.putAll(captured.mailboxControlFiles());
        }
        FolderEntry entry = new FolderEntry(key, work.captured.newDirMtimeNanos(), work.captured.curDirMtimeNanos(),
                manifest.count(), bytes, manifest.finish(), storeControlFiles(work.dir, files));
        for (Placement g : work.merge.gone) {
            run.writer.deletePlacement(run.storeKey, key, run.bases.baseOf(g.name()));
        }
        for (FolderMerge.Slot s : work.merge.slots) {
            if (s.placement == null || s.previous) {
                continue;
            }
            run.writer.putPlacement(run.storeKey, key, new PlacementRecord(s.listed.base(), s.placement.name(),
                    s.placement.guid(), s.placement.inCur(), s.placement.mtimeNanos(), s.placement.content()));
        }
        boolean allStored = work.merge.slots.stream().allMatch(s -> s.placement != null);
        // A listed message that could not be stored (unreadable, say) keeps the folder dirty: a listing time of 0
        // makes every later run list it again, retry the message and report it, until it is stored.
        run.writer.putFolder(run.storeKey, key, new FolderState(allStored ? work.captured.listedAtNanos()
                : FolderState.LIST_AGAIN, entry));
        return entry;
    }

    private List<ControlFile> storeControlFiles(Path dir, Map<String, byte[]> files) throws IOException {
        List<ControlFile> stored = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            stored.add(run.controlFiles.store(f.getKey(), mtimeOf(FileNames.child(dir, f.getKey())), f.getValue()));
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
    private void refreshMailboxFiles(CapturedMailbox captured, Path rootDir, TreeMap<FolderKey, FolderEntry> entries,
                                     Map<FolderKey, FolderState> previous) throws IOException {
        if (captured.mailboxControlFiles().isEmpty()) {
            return;
        }
        FolderKey rootKey = new FolderKey(captured.mailbox(), "");
        FolderEntry root = entries.get(rootKey);
        FolderState before = previous.get(rootKey);
        if (root == null || before == null || root != before.entry()) {
            return; // the root folder was listed (its entry already has them) or does not exist
        }
        Map<String, ControlFile> files = new TreeMap<>();
        for (ControlFile c : root.controlFiles()) {
            if (!ControlFiles.classify(c.name()).mailboxLevel()) {
                files.put(c.name(), c);
            }
        }
        for (Map.Entry<String, byte[]> f : captured.mailboxControlFiles().entrySet()) {
            files.put(f.getKey(), run.controlFiles.store(f.getKey(), mtimeOf(rootDir.resolve(f.getKey())),
                    f.getValue()));
        }
        FolderEntry updated = new FolderEntry(rootKey, root.newDirMtimeNanos(), root.curDirMtimeNanos(),
                root.messages(), root.bytes(), root.manifest(), new ArrayList<>(files.values()));
        entries.put(rootKey, updated);
        run.writer.putFolder(run.storeKey, rootKey, new FolderState(before.listedAtNanos(), updated));
    }

    /** The search index is keyed by GUID: a move, also a re-based one, continues one message's history. */
    private void updateSearchIndex(String mailbox, List<Work> listed, Map<String, MessageReads.Outcome> fresh,
                                   Map<String, Placement> goneByGuid, Set<String> placedGuids) throws IOException {
        Set<String> written = new HashSet<>();
        for (Work work : listed) {
            String folder = work.captured.key().folder();
            for (FolderMerge.Slot s : work.merge.slots) {
                if (s.placement == null || s.previous) {
                    continue;
                }
                String guid = s.listed.identity();
                String flags = MaildirName.parse(s.placement.name(), run.settings.separator()).flags();
                MessageReads.Outcome read = fresh.get(guid);
                if (read != null && written.add(guid)) {
                    run.writer.putContent(mailbox, guid, new KnownMessage(read.stored().content(), read.mtimeNanos()));
                    run.writer.putMessage(mailbox, guid, MessageInfo.firstSeen(read.fields(),
                            MessageInfo.SNAPSHOT_NOT_SAVED_YET, run.start, folder, flags));
                } else if (read == null) {
                    Optional<MessageInfo> known = run.writer.message(mailbox, guid);
                    if (known.isPresent()) {
                        run.writer.putMessage(mailbox, guid, known.get().seenIn(run.start, folder, flags));
                    }
                }
            }
        }
        for (String guid : goneByGuid.keySet()) {
            if (placedGuids.contains(guid)) {
                continue;
            }
            Optional<MessageInfo> known = run.writer.message(mailbox, guid);
            if (known.isPresent() && known.get().present()) {
                run.writer.putMessage(mailbox, guid, run.parentId.isEmpty()
                        ? known.get().goneAfter(MessageInfo.NO_SNAPSHOT_BEFORE, run.start)
                        : known.get().goneAfter(run.parentId, run.parentTime));
            }
        }
    }
}
