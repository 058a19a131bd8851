package org.mailsnap.recovery;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.mailsnap.model.SnapshotId;

/**
 * Which of some messages a store's deleted-mail ledger keeps (format-spec/snapshots.md, "Which ledger is the
 * store's"): what {@link MessageFinder} asks about a message that went away after every snapshot that held it last
 * was forgotten. {@link RepositoryLedgers} reads the repository; {@link #NONE} knows no ledger.
 */
public interface LedgerKeepers {
    /** A message of a mailbox, by its Dovecot GUID. */
    record Message(String mailbox, String guid) {}

    /** Knows no ledger: every message asked about is kept by none. */
    LedgerKeepers NONE = wanted -> Map.of();

    /**
     * The messages of {@code wanted} that a store's current ledger keeps (some departure of them), each with the id
     * of the snapshot carrying that ledger.
     */
    Map<Message, SnapshotId> keeping(Set<Message> wanted) throws IOException;
}
