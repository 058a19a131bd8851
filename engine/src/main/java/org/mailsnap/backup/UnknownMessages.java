package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;

/**
 * Steps 3 and 4 of a mailbox's backup: places the slots a merge left unknown. First from what this run already read
 * (an earlier capture of the mailbox), then a placement that left another folder of the mailbox in this run (a
 * move), then the mailbox's content map (a copy, or a message that came back); only what is still unknown is read,
 * in parallel ({@link MessageReads}), once per GUID even when it sits in two folders.
 */
record UnknownMessages(MessageIndex index, BlobIndex blobIndex, MessageReads reads, char separator) {

    /**
     * Fills the attempt's unknown slots and reads the rest; what is read is added to {@code readThisRun}, what
     * vanished to the attempt.
     */
    void resolve(String mailbox, List<Path> folderDirs, MailboxAttempt a, Map<String, MessageReads.Outcome> readThisRun)
            throws IOException {
        Map<String, List<FolderMerge.Slot>> waiting = new HashMap<>();
        IdentityHashMap<FolderMerge.Slot, MailboxAttempt.ListedFolder> folderOf = new IdentityHashMap<>();
        IdentityHashMap<MessageReads.Request, String> guidOf = new IdentityHashMap<>();
        List<MessageReads.Request> requests = new ArrayList<>();
        for (MailboxAttempt.ListedFolder folder : a.listed) {
            for (FolderMerge.Slot slot : folder.merge.unknown) {
                folderOf.put(slot, folder);
                ListedFile file = slot.listed;
                MessageReads.Outcome alreadyRead = readThisRun.get(file.identity());
                if (alreadyRead != null) {
                    fill(slot, alreadyRead, folder, a);
                    continue;
                }
                if (!a.rescan && reuse(mailbox, slot, a)) {
                    continue;
                }
                List<FolderMerge.Slot> same = waiting.get(file.identity());
                if (same != null) {
                    same.add(slot); // a copy (one GUID in two folders) is read once
                    continue;
                }
                waiting.put(file.identity(), new ArrayList<>(List.of(slot)));
                MessageReads.Request request = new MessageReads.Request(
                        folder.dir, file.inCur() ? "cur" : "new", file.name(), file.base(), folderDirs);
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
                a.report(outcome.problem());
                a.unreadable++;
                for (FolderMerge.Slot slot : waiting.get(guid)) {
                    Placement before = folderOf.get(slot).rescanExpected.get(slot);
                    if (before != null) {
                        // unreadable now, but known: keep what the last run stored rather than drop it
                        slot.place(before);
                    }
                }
                continue;
            }
            readThisRun.put(guid, outcome);
            for (FolderMerge.Slot slot : waiting.get(guid)) {
                fill(slot, outcome, folderOf.get(slot), a);
            }
        }
    }

    /** Places a slot with content read in this run (by this attempt or an earlier capture of the mailbox). */
    private static void fill(
            FolderMerge.Slot slot, MessageReads.Outcome outcome, MailboxAttempt.ListedFolder folder, MailboxAttempt a) {
        MessageContent now = outcome.stored().content();
        Placement before = folder.rescanExpected.get(slot);
        if (before != null && !before.content().equals(now)) {
            a.changedInPlace++;
            a.report(new BackupProblem.ChangedInPlace(folder.captured.key(), slot.listed.name()));
        }
        slot.place(
                new Placement(slot.listed.name(), slot.listed.guid(), slot.listed.inCur(), outcome.mtimeNanos(), now));
    }

    /**
     * Places a message this mailbox already holds by its GUID: one that left another folder in this run (a move,
     * also one Dovecot re-based), else one the content map knows (a copy, a message that came back). For a GUID
     * taken from the uidlist rather than the base, the name's {@code ,S=} size hint must agree with the known
     * content: the uidlist is the mail user's file, and a wrong {@code G} must not make another message's bytes
     * stand in for this file.
     */
    private boolean reuse(String mailbox, FolderMerge.Slot slot, MailboxAttempt a) throws IOException {
        ListedFile file = slot.listed;
        Placement moved = a.goneByGuid.get(file.identity());
        if (moved != null && plausible(file, moved.content().size())) {
            slot.place(moved.at(file.name(), file.guid(), file.inCur()));
            a.movedIn++;
            return true;
        }
        Optional<KnownMessage> known = index.content(mailbox, file.identity());
        if (known.isPresent()
                && plausible(file, known.get().content().size())
                && indexed(known.get().content())) {
            slot.place(new Placement(
                    file.name(),
                    file.guid(),
                    file.inCur(),
                    known.get().mtimeNanos(),
                    known.get().content()));
            a.movedIn++;
            return true;
        }
        return false;
    }

    private boolean plausible(ListedFile file, long knownSize) {
        if (file.guid().isEmpty()) {
            return true;
        }
        OptionalLong hint = MaildirName.parse(file.name(), separator).sizeHint();
        return hint.isEmpty() || hint.getAsLong() == knownSize;
    }

    /**
     * True when every blob of {@code content} is in the blob index. The content map remembers messages long gone;
     * once a prune has deleted a returning message's blobs (the catalog dropped them at its sync), the file is read
     * and stored again instead of referencing deleted data.
     */
    private boolean indexed(MessageContent content) throws IOException {
        if (blobIndex.find(content.header()).isEmpty()) {
            return false;
        }
        for (BlobId body : content.body()) {
            if (blobIndex.find(body).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
