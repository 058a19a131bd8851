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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mailsnap.catalog.CatalogCursor;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.maildir.CaptureProblem;
import org.mailsnap.maildir.CapturedFolder;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.MailFolder;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.maildir.MaildirName;
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
     * @param mailbox      the mailbox as discovered now
     * @param previousKeys the folders the catalog knows for it from earlier runs
     * @return its folder entries, sorted
     */
    List<FolderEntry> backup(Mailbox mailbox, List<FolderKey> previousKeys) throws IOException {
        Map<FolderKey, FolderState> previous = new TreeMap<>();
        for (FolderKey key : previousKeys) {
            run.writer.folder(run.storeKey, key).ifPresent(state -> previous.put(key, state));
        }
        CapturedMailbox captured;
        try {
            captured = capture.capture(mailbox, run.settings.rescan() ? Map.of() : captureStates(previous));
        } catch (IOException e) {
            return failed(mailbox.name(), previous, e);
        }
        run.progress.lockHoldTotalNanos.addAndGet(captured.lockHoldNanos());
        run.progress.lockHoldMaxNanos.accumulateAndGet(captured.lockHoldNanos(), Math::max);
        for (CaptureProblem p : captured.problems()) {
            run.problem(mailbox.name() + " " + p.folder() + ": " + p.kind() + " " + p.detail());
        }

        Map<FolderKey, Path> dirs = new HashMap<>();
        for (MailFolder f : mailbox.folders()) {
            dirs.put(f.key(), f.dir());
        }
        Map<String, Placement> goneByBase = new HashMap<>();
        List<Work> listed = new ArrayList<>();
        TreeMap<FolderKey, FolderEntry> entries = new TreeMap<>();
        Set<FolderKey> present = new HashSet<>();
        for (CapturedFolder cf : captured.folders()) {
            present.add(cf.key());
            if (!cf.listed()) {
                FolderState state = previous.get(cf.key());
                if (state == null) {
                    // a new folder that could not be listed (e.g. permission denied): nothing to carry over
                    run.progress.unreadable.incrementAndGet();
                    run.problem(cf.key() + ": new folder could not be listed; not in this snapshot");
                    continue;
                }
                run.progress.foldersUnchanged.incrementAndGet();
                run.progress.messagesSeen.addAndGet(state.entry().messages());
                entries.put(cf.key(), state.entry());
                continue;
            }
            run.progress.foldersListed.incrementAndGet();
            Work work = merge(cf, dirs.get(cf.key()));
            work.merge.gone.forEach(g -> goneByBase.put(run.bases.baseOf(g.name()), g));
            listed.add(work);
        }
        for (Map.Entry<FolderKey, FolderState> old : previous.entrySet()) {
            if (!present.contains(old.getKey())) {
                for (Placement g : previousPlacements(old.getKey())) {
                    goneByBase.put(run.bases.baseOf(g.name()), g);
                }
                run.writer.deleteFolder(run.storeKey, old.getKey());
            }
        }

        List<Path> folderDirs = mailbox.folders().stream().map(MailFolder::dir).toList();
        Map<String, MessageReads.Outcome> fresh = resolve(mailbox.name(), folderDirs, listed, goneByBase);
        Set<String> placedBases = new HashSet<>();
        for (Work work : listed) {
            FolderEntry entry = record(work, captured);
            entries.put(entry.key(), entry);
            for (FolderMerge.Slot s : work.merge.slots) {
                if (s.placement != null) {
                    placedBases.add(s.listed.base());
                }
            }
        }
        refreshMailboxFiles(captured, entries, previous);
        updateSearchIndex(mailbox.name(), listed, fresh, goneByBase, placedBases);
        run.progress.gone.addAndGet(goneByBase.size());
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

    private Work merge(CapturedFolder cf, Path dir) throws IOException {
        List<ListedFile> listing = Listings.sortedByBase(cf.newNames(), cf.curNames(), run.bases,
                duplicate -> run.problem(cf.key() + ": two files with one base, kept the cur/ one, not " + duplicate));
        FolderMerge merge = FolderMerge.merge(listing, previousPlacements(cf.key()).iterator(), run.bases);
        Work work = new Work(cf, dir, merge);
        run.progress.messagesSeen.addAndGet(merge.slots.size());
        run.progress.renamed.addAndGet(merge.renamed);
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

    private List<Placement> previousPlacements(FolderKey key) throws IOException {
        List<Placement> list = new ArrayList<>();
        try (CatalogCursor<PlacementRecord> cursor = run.writer.placements(run.storeKey, key)) {
            while (cursor.hasNext()) {
                PlacementRecord r = cursor.next();
                list.add(new Placement(r.name(), r.inCur(), r.mtimeNanos(), r.content()));
            }
        }
        return list;
    }

    /** Fills unknown slots from moves and the content map, reads the rest; returns what was read, by base. */
    private Map<String, MessageReads.Outcome> resolve(String mailbox, List<Path> folderDirs, List<Work> listed,
                                                     Map<String, Placement> goneByBase) throws IOException {
        Map<String, List<FolderMerge.Slot>> waiting = new HashMap<>();
        Map<FolderMerge.Slot, Work> workOf = new IdentityHashMap<>();
        List<MessageReads.Request> requests = new ArrayList<>();
        for (Work work : listed) {
            for (FolderMerge.Slot slot : work.merge.unknown) {
                workOf.put(slot, work);
                ListedFile file = slot.listed;
                if (!run.settings.rescan() && reuse(mailbox, slot, goneByBase)) {
                    continue;
                }
                List<FolderMerge.Slot> same = waiting.get(file.base());
                if (same != null) {
                    same.add(slot);
                    continue;
                }
                waiting.put(file.base(), new ArrayList<>(List.of(slot)));
                requests.add(new MessageReads.Request(work.dir, file.inCur() ? "cur" : "new", file.name(),
                        file.base(), folderDirs));
            }
        }
        Map<String, MessageReads.Outcome> fresh = new HashMap<>();
        for (MessageReads.Outcome outcome : reads.readAll(requests)) {
            String base = outcome.request().base();
            if (outcome.problem() != null) {
                run.problem(outcome.problem());
            }
            if (outcome.stored() == null) {
                for (FolderMerge.Slot slot : waiting.get(base)) {
                    Placement before = workOf.get(slot).rescanExpected.get(slot);
                    if (before != null && outcome.problem() != null) {
                        // unreadable now, but known: keep what the last run stored rather than drop it
                        slot.placement = before;
                    }
                }
                continue;
            }
            fresh.put(base, outcome);
            run.readSinceCheckpoint++;
            for (FolderMerge.Slot slot : waiting.get(base)) {
                MessageContent now = outcome.stored().content();
                Placement before = workOf.get(slot).rescanExpected.get(slot);
                if (before != null && !before.content().equals(now)) {
                    run.progress.changedInPlace.incrementAndGet();
                    run.problem(workOf.get(slot).captured.key() + ": " + slot.listed.name()
                            + " changed in place since it was stored; the new bytes are stored as a new version");
                }
                slot.placement = new Placement(slot.listed.name(), slot.listed.inCur(), outcome.mtimeNanos(), now);
            }
        }
        return fresh;
    }

    private boolean reuse(String mailbox, FolderMerge.Slot slot, Map<String, Placement> goneByBase)
            throws IOException {
        ListedFile file = slot.listed;
        Placement moved = goneByBase.get(file.base());
        if (moved != null) {
            slot.placement = new Placement(file.name(), file.inCur(), moved.mtimeNanos(), moved.content());
            run.progress.movedIn.incrementAndGet();
            return true;
        }
        Optional<KnownMessage> known = run.writer.content(mailbox, file.base());
        if (known.isPresent()) {
            slot.placement = new Placement(file.name(), file.inCur(), known.get().mtimeNanos(),
                    known.get().content());
            run.progress.movedIn.incrementAndGet();
            return true;
        }
        return false;
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
                    s.placement.inCur(), s.placement.mtimeNanos(), s.placement.content()));
        }
        run.writer.putFolder(run.storeKey, key, new FolderState(work.captured.listedAtNanos(), entry));
        return entry;
    }

    private List<ControlFile> storeControlFiles(Path dir, Map<String, byte[]> files) throws IOException {
        List<ControlFile> stored = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            stored.add(run.controlFiles.store(f.getKey(), mtimeOf(dir.resolve(f.getKey())), f.getValue()));
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
    private void refreshMailboxFiles(CapturedMailbox captured, TreeMap<FolderKey, FolderEntry> entries,
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
            files.put(f.getKey(), run.controlFiles.store(f.getKey(), 0, f.getValue()));
        }
        FolderEntry updated = new FolderEntry(rootKey, root.newDirMtimeNanos(), root.curDirMtimeNanos(),
                root.messages(), root.bytes(), root.manifest(), new ArrayList<>(files.values()));
        entries.put(rootKey, updated);
        run.writer.putFolder(run.storeKey, rootKey, new FolderState(before.listedAtNanos(), updated));
    }

    private void updateSearchIndex(String mailbox, List<Work> listed, Map<String, MessageReads.Outcome> fresh,
                                   Map<String, Placement> goneByBase, Set<String> placedBases) throws IOException {
        Set<String> written = new HashSet<>();
        for (Work work : listed) {
            String folder = work.captured.key().folder();
            for (FolderMerge.Slot s : work.merge.slots) {
                if (s.placement == null || s.previous) {
                    continue;
                }
                String base = s.listed.base();
                String flags = MaildirName.parse(s.placement.name(), run.settings.separator()).flags();
                MessageReads.Outcome read = fresh.get(base);
                if (read != null && written.add(base)) {
                    run.writer.putContent(mailbox, base, new KnownMessage(read.stored().content(), read.mtimeNanos()));
                    run.writer.putMessage(mailbox, base, info(read.fields(), folder, flags));
                } else if (read == null) {
                    Optional<MessageInfo> known = run.writer.message(mailbox, base);
                    if (known.isPresent()) {
                        MessageInfo m = known.get();
                        run.writer.putMessage(mailbox, base, new MessageInfo(m.messageId(), m.from(), m.to(),
                                m.subject(), m.date(), m.firstSnapshot(), m.firstSeen(), null, m.lastSeen(), folder,
                                flags));
                    }
                }
            }
        }
        for (String base : goneByBase.keySet()) {
            if (placedBases.contains(base)) {
                continue;
            }
            Optional<MessageInfo> known = run.writer.message(mailbox, base);
            if (known.isPresent() && known.get().present()) {
                MessageInfo m = known.get();
                run.writer.putMessage(mailbox, base, new MessageInfo(m.messageId(), m.from(), m.to(), m.subject(),
                        m.date(), m.firstSnapshot(), m.firstSeen(), run.parentId.isEmpty() ? "?" : run.parentId,
                        run.parentTime == null ? run.start : run.parentTime, m.folder(), m.flags()));
            }
        }
    }

    private MessageInfo info(HeaderFields h, String folder, String flags) {
        String to = h.cc().isEmpty() ? h.to() : (h.to().isEmpty() ? h.cc() : h.to() + ", " + h.cc());
        return new MessageInfo(orNull(h.messageId()), orNull(h.from()), orNull(to), orNull(h.subject()), h.date(),
                "", run.start, null, run.start, folder, flags);
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
