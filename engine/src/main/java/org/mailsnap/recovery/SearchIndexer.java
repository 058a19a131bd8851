package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.repository.RepositoryException;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Keeps the content map and the search index, both keyed by the message's GUID, while a store's snapshots are
 * replayed, oldest first, and then its deleted-mail ledger. Entries change only through {@link MessageInfo}'s
 * operations, as in a backup ({@code backup.SearchIndexUpdate}). The catalog
 * itself is the working state (no per-message memory): a message's {@code lastSeen} doubles as the mark "seen in
 * the snapshot being replayed", which is what tells a message that left a folder from one that went away.
 */
record SearchIndexer(CatalogBatch batch, BlobSource blobs, RebuildProgress progress) {

    /**
     * A placement of {@code snapshot} in a folder whose manifest differs from the store's previous snapshot's (seen
     * again when it was already there: that only moves its last-seen time on): record its content, and index it
     * (reading its header only the first time the mailbox has it) as present in {@code snapshot}.
     */
    void seen(SnapshotSummary snapshot, FolderKey key, Placement p, char separator) throws IOException {
        MaildirName name = nameOf("snapshot " + snapshot.id(), key, p, separator);
        String guid = p.identity(name.base());
        String mailbox = key.mailbox();
        putContent(mailbox, guid, p);
        Optional<MessageInfo> before = batch.writer().message(mailbox, guid);
        MessageInfo now = before.isEmpty()
                ? firstIndexed(p, snapshot.id().hex(), snapshot.time(), key.folder(), name.flags())
                : before.get().seenIn(snapshot.time(), key.folder(), name.flags());
        put(mailbox, guid, before, now);
    }

    /**
     * An entry of the store's deleted-mail ledger carried by snapshot {@code carrier}, applied after the store's
     * snapshots were replayed and its latest written: the message left {@code g}'s folder after {@code g}'s last
     * seen time, by its gone-by time, from snapshots since forgotten. It is the message's departure from its
     * mailbox when the index has the message nowhere else later: unknown (every snapshot holding it was
     * forgotten: indexed now, with its content, as a backup had indexed it), or gone after an earlier departure
     * ({@link MessageInfo#leftBefore}). A message the store's latest snapshot holds (moved, or back) stays present;
     * of several entries of one message, the latest departure wins whatever the order they are read in.
     */
    void departed(SnapshotId carrier, GonePlacement g, char separator) throws IOException {
        FolderKey key = g.folder();
        Placement p = g.placement();
        MaildirName name = nameOf("the deleted-mail ledger of snapshot " + carrier, key, p, separator);
        String guid = p.identity(name.base());
        String mailbox = key.mailbox();
        Optional<MessageInfo> before = batch.writer().message(mailbox, guid);
        if (before.isPresent() && !before.get().leftBefore(g.lastSeenSeconds(), g.goneBySeconds())) {
            return;
        }
        Instant lastSeen = Instant.ofEpochSecond(g.lastSeenSeconds());
        MessageInfo seen;
        if (before.isEmpty()) {
            putContent(mailbox, guid, p);
            seen = firstIndexed(p, MessageInfo.NO_KNOWN_SNAPSHOT, lastSeen, key.folder(), name.flags());
        } else {
            seen = before.get().seenIn(lastSeen, key.folder(), name.flags());
        }
        put(
                mailbox,
                guid,
                before,
                seen.goneAfter(MessageInfo.NO_KNOWN_SNAPSHOT, lastSeen, Instant.ofEpochSecond(g.goneBySeconds())));
    }

    /** Records the placement's content as the message's, unless the content map has exactly that. */
    private void putContent(String mailbox, String guid, Placement p) throws IOException {
        CatalogWriter w = batch.writer();
        KnownMessage known = new KnownMessage(p.content(), p.mtimeNanos());
        if (!w.content(mailbox, guid).map(known::equals).orElse(false)) {
            w.putContent(mailbox, guid, known);
            batch.wrote();
        }
    }

    /** A message new to the index, its header fields read from the repository: present at {@code time}. */
    private MessageInfo firstIndexed(Placement p, String snapshot, Instant time, String folder, String flags)
            throws IOException {
        byte[] header;
        try {
            header = blobs.get(p.content().header());
        } catch (RepositoryException
                | CorruptObjectException
                | UnsupportedVersionException
                | NoSuchObjectException lost) {
            // a lost or damaged pack must not stop the disaster-recovery path: index it without header fields
            header = new byte[0];
            progress.headersUnreadable.increment();
        }
        progress.headersRead.increment();
        progress.messagesIndexed.increment();
        return MessageInfo.firstSeen(HeaderFields.parse(header), snapshot, time, folder, flags);
    }

    /**
     * A placement of the store's {@code previous} snapshot in a folder whose manifest differs in the one being
     * replayed (taken at {@code current}). Unless the message was seen again in that snapshot (moved, or
     * renamed into a new chunk), it went away after {@code previous} and by {@code current}.
     */
    void left(SnapshotSummary previous, Instant current, FolderKey key, Placement p, char separator)
            throws IOException {
        MaildirName name = nameOf("snapshot " + previous.id(), key, p, separator);
        String guid = p.identity(name.base());
        Optional<MessageInfo> before = batch.writer().message(key.mailbox(), guid);
        if (before.isEmpty()) {
            return; // every placement was seen in the snapshot that first held it
        }
        MessageInfo m = before.get();
        if (m.present() && m.lastSeen().equals(current)) {
            return;
        }
        put(key.mailbox(), guid, before, m.goneAfter(previous.id().hex(), previous.time(), current));
    }

    /**
     * A placement of the store's latest snapshot: present there, in this folder with these flags.
     *
     * @return its parsed name
     */
    MaildirName present(SnapshotSummary latest, FolderKey key, Placement p, char separator) throws IOException {
        MaildirName name = nameOf("snapshot " + latest.id(), key, p, separator);
        String guid = p.identity(name.base());
        Optional<MessageInfo> before = batch.writer().message(key.mailbox(), guid);
        if (before.isEmpty()) {
            throw new IllegalStateException("latest placement never indexed: " + key + " " + p.name());
        }
        put(key.mailbox(), guid, before, before.get().seenIn(latest.time(), key.folder(), name.flags()));
        return name;
    }

    private void put(String mailbox, String guid, Optional<MessageInfo> before, MessageInfo now) throws IOException {
        if (before.isEmpty() || !before.get().equals(now)) {
            boolean wasGone = before.isPresent() && !before.get().present();
            if (wasGone != !now.present()) {
                progress.messagesGone.add(wasGone ? -1 : 1);
            }
            batch.writer().putMessage(mailbox, guid, now);
            batch.wrote();
        }
    }

    /** @param where the object that lists the placement, for the error ("snapshot ID") */
    private static MaildirName nameOf(String where, FolderKey key, Placement p, char separator)
            throws CorruptObjectException {
        if (!MaildirName.isMessageName(p.name()) || p.name().charAt(0) == separator) {
            throw new CorruptObjectException(
                    where + " folder " + key, "its manifest lists '" + p.name() + "', which is no message file name");
        }
        return MaildirName.parse(p.name(), separator);
    }
}
