package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.repository.RepositoryException;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Keeps the content map and the search index, both keyed by the message's GUID, while a store's snapshots are
 * replayed, oldest first. The catalog
 * itself is the working state (no per-message memory): a message's {@code lastSeen} doubles as the mark "seen in
 * the snapshot being replayed", which is what tells a message that left a folder from one that went away.
 */
record SearchIndexer(CatalogBatch batch, BlobSource blobs, RebuildProgress progress) {

    /**
     * A placement of {@code snapshot} that its folder did not hold, in this very manifest chunk, in the store's
     * previous snapshot: record its content, and index it (reading its header only the first time the mailbox
     * has it) as present in {@code snapshot}.
     */
    void seen(SnapshotSummary snapshot, FolderKey key, Placement p, char separator) throws IOException {
        MaildirName name = nameOf(snapshot, key, p, separator);
        String guid = p.identity(name.base());
        String mailbox = key.mailbox();
        CatalogWriter w = batch.writer();
        KnownMessage known = new KnownMessage(p.content(), p.mtimeNanos());
        if (!w.content(mailbox, guid).map(known::equals).orElse(false)) {
            w.putContent(mailbox, guid, known);
            batch.wrote();
        }
        Optional<MessageInfo> before = batch.writer().message(mailbox, guid);
        MessageInfo now;
        if (before.isEmpty()) {
            byte[] header;
            try {
                header = blobs.get(p.content().header());
            } catch (CatalogCorruptException localDamage) {
                throw localDamage; // the catalog being rebuilt, not a lost pack
            } catch (RepositoryException | CorruptDataException | NoSuchObjectException lost) {
                // a lost or damaged pack must not stop the disaster-recovery path: index it without header fields
                header = new byte[0];
                progress.headersUnreadable.increment();
            }
            progress.headersRead.increment();
            progress.messagesIndexed.increment();
            now = MessageInfo.firstSeen(
                    HeaderFields.parse(header), snapshot.id(), snapshot.time(), key.folder(), name.flags());
        } else {
            now = before.get().seenIn(snapshot.time(), key.folder(), name.flags());
        }
        put(mailbox, guid, before, now);
    }

    /**
     * A placement of the store's {@code previous} snapshot whose manifest chunk the folder no longer has in the one
     * being replayed (taken at {@code current}). Unless the message was seen again in that snapshot (moved, or
     * renamed into a new chunk), it went away after {@code previous}.
     */
    void left(SnapshotSummary previous, Instant current, FolderKey key, Placement p, char separator)
            throws IOException {
        MaildirName name = nameOf(previous, key, p, separator);
        String guid = p.identity(name.base());
        Optional<MessageInfo> before = batch.writer().message(key.mailbox(), guid);
        if (before.isEmpty()) {
            return; // every placement was seen in the snapshot that first held it
        }
        MessageInfo m = before.get();
        if (m.present() && m.lastSeen().equals(current)) {
            return;
        }
        put(key.mailbox(), guid, before, m.goneAfter(previous.id(), previous.time()));
    }

    /**
     * A placement of the store's latest snapshot: present there, in this folder with these flags.
     *
     * @return its parsed name
     */
    MaildirName present(SnapshotSummary latest, FolderKey key, Placement p, char separator) throws IOException {
        MaildirName name = nameOf(latest, key, p, separator);
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

    private static MaildirName nameOf(SnapshotSummary snapshot, FolderKey key, Placement p, char separator)
            throws CorruptObjectException {
        if (!MaildirName.isMessageName(p.name()) || p.name().charAt(0) == separator) {
            throw new CorruptObjectException(
                    "snapshot " + snapshot.id() + " folder " + key,
                    "its manifest lists '" + p.name() + "', which is no message file name");
        }
        return MaildirName.parse(p.name(), separator);
    }
}
