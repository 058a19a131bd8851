package org.mailsnap.check;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mailsnap.catalog.CatalogView;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.SnapshotId;

/**
 * What the catalog knows, to name damage in mail terms: Subject and Message-ID of a message, and, for a snapshot
 * object that cannot be read, when and of which store it was taken and which messages it alone held.
 */
@FunctionalInterface
public interface MessageLookup {
    MessageLookup NONE = (mailbox, base) -> Optional.empty();

    Optional<MessageInfo> find(String mailbox, String base) throws IOException;

    /** The catalog's summary of a snapshot, when it knows the snapshot. */
    default Optional<SnapshotSummary> snapshot(SnapshotId id) throws IOException {
        return Optional.empty();
    }

    /** Messages that {@code snapshotId} alone held (at most {@code limit}). */
    default List<FoundMessage> heldOnlyBy(SnapshotId snapshotId, int limit) throws IOException {
        return List.of();
    }

    /** Everything above, from a catalog transaction. */
    static MessageLookup of(CatalogView catalog) {
        return new MessageLookup() {
            @Override
            public Optional<MessageInfo> find(String mailbox, String base) throws IOException {
                return catalog.message(mailbox, base);
            }

            @Override
            public Optional<SnapshotSummary> snapshot(SnapshotId id) throws IOException {
                return catalog.snapshot(id);
            }

            @Override
            public List<FoundMessage> heldOnlyBy(SnapshotId snapshotId, int limit) throws IOException {
                return catalog.find(MessageQuery.all().withOnlyIn(snapshotId).withLimit(limit));
            }
        };
    }
}
