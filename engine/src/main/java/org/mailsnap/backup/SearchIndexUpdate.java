package org.mailsnap.backup;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.maildir.MaildirName;

/**
 * Step 5 of a mailbox's backup, for the content map and the search index: both keyed by GUID, so a move, also a
 * re-based one, continues one message's history. A message read in this run is indexed from its header; a known one
 * placed anew is seen in its new folder with its new flags; one that left every folder went away after the store's
 * previous snapshot and by this run's. Entries change only through {@link MessageInfo}'s operations, as in a rebuild.
 */
final class SearchIndexUpdate {
    private final MessageIndex index;
    private final char separator;
    private final Instant start;
    private final Optional<SnapshotSummary> parent;

    /**
     * @param start  the run's start: its snapshot's time
     * @param parent the store's snapshot before this run, if any
     */
    SearchIndexUpdate(MessageIndex index, char separator, Instant start, Optional<SnapshotSummary> parent) {
        this.index = index;
        this.separator = separator;
        this.start = start;
        this.parent = parent;
    }

    /**
     * A folder that places a message after this run, with its file name there: a listed folder, or an unchanged one
     * that holds a message which left a listed folder.
     */
    record Place(String folder, String name) {}

    /**
     * @param fresh  what this run read, by GUID
     * @param gone   the GUIDs of placements that left their folder
     * @param placed the GUIDs the mailbox's listed folders still place, and those of {@code gone} that an unlisted
     *               folder places, each with its places there
     */
    void update(
            String mailbox,
            List<MailboxAttempt.ListedFolder> listed,
            Map<String, MessageReads.Outcome> fresh,
            Set<String> gone,
            Map<String, List<Place>> placed)
            throws IOException {
        Set<String> written = new HashSet<>();
        for (MailboxAttempt.ListedFolder folder : listed) {
            String name = folder.captured.key().folder();
            for (FolderMerge.Slot s : folder.merge.slots) {
                if (s.state() != FolderMerge.Slot.State.PLACED) {
                    continue;
                }
                String guid = s.listed.identity();
                String flags =
                        MaildirName.parse(s.placement().name(), separator).flags();
                MessageReads.Outcome read = fresh.get(guid);
                if (read != null && written.add(guid)) {
                    index.putContent(
                            mailbox, guid, new KnownMessage(read.stored().content(), read.mtimeNanos()));
                    index.putMessage(
                            mailbox,
                            guid,
                            MessageInfo.firstSeen(
                                    read.stored().fields(), MessageInfo.SNAPSHOT_NOT_SAVED_YET, start, name, flags));
                } else if (read == null) {
                    Optional<MessageInfo> known = index.message(mailbox, guid);
                    if (known.isPresent()) {
                        index.putMessage(mailbox, guid, known.get().seenIn(start, name, flags));
                    }
                }
            }
        }
        Set<String> listedNames = new HashSet<>();
        listed.forEach(folder -> listedNames.add(folder.captured.key().folder()));
        for (String guid : gone) {
            Optional<MessageInfo> known = index.message(mailbox, guid);
            List<Place> still = placed.get(guid);
            if (still != null) {
                // a copy left while another stays (a copy's original expunged): the index must not name a folder
                // that no longer holds the message (a folder not listed this run is unchanged: it still does)
                if (known.isPresent()
                        && listedNames.contains(known.get().folder())
                        && still.stream()
                                .noneMatch(p -> p.folder().equals(known.get().folder()))) {
                    Place first = still.get(0);
                    String flags = MaildirName.parse(first.name(), separator).flags();
                    index.putMessage(mailbox, guid, known.get().seenIn(start, first.folder(), flags));
                }
                continue;
            }
            if (known.isPresent() && known.get().present()) {
                // found nowhere by this run, whose snapshot is taken at its start
                MessageInfo m = known.get();
                index.putMessage(
                        mailbox,
                        guid,
                        parent.isPresent()
                                ? m.goneAfter(
                                        parent.get().id().hex(), parent.get().time(), start)
                                : m.goneAfter(MessageInfo.NO_KNOWN_SNAPSHOT, m.lastSeen(), start));
            }
        }
    }
}
