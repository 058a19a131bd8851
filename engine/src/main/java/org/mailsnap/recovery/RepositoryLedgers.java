package org.mailsnap.recovery;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;

/**
 * {@link LedgerKeepers} from the repository: reads every snapshot object (which ones carry the stores' current
 * ledgers is decided by all of them), then each current ledger's chunks once, remembering only the messages asked
 * about. Memory: those messages; the ledgers stream.
 */
public final class RepositoryLedgers implements LedgerKeepers {
    private final Repository repository;
    private final BlobSource blobs;

    /** @param blobs reads the ledger chunks */
    public RepositoryLedgers(Repository repository, BlobSource blobs) {
        this.repository = repository;
        this.blobs = blobs;
    }

    @Override
    public Map<Message, SnapshotId> keeping(Set<Message> wanted) throws IOException {
        Map<Message, SnapshotId> kept = new HashMap<>();
        if (wanted.isEmpty()) {
            return kept;
        }
        StoreLedgers.forEachEntry(SnapshotObjects.load(repository).current(), blobs, (holder, carrier, g) -> {
            String guid = g.placement()
                    .identity(new BaseNames(carrier.separator())
                            .baseOf(g.placement().name()));
            Message m = new Message(g.folder().mailbox(), guid);
            if (wanted.contains(m)) {
                kept.putIfAbsent(m, holder);
            }
        });
        return kept;
    }
}
