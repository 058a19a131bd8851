package org.mailsnap.backup;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.ContentTable;

/**
 * The store's last-run state in the run's open catalog transaction: what a listing is merged with and what the
 * record step replaces. The role {@link MailboxRun}'s steps see of {@link RunState} (as restic's archiver sees its
 * repository through {@code archiverRepo}): they never hold the transaction, which a checkpoint replaces.
 */
interface LastRunState {
    /** The folders the store had in the last run, of every mailbox. */
    List<FolderKey> folders() throws IOException;

    Optional<FolderState> folder(FolderKey key) throws IOException;

    /** The folder's placements as the last run recorded them, sorted by base. */
    List<Placement> placements(FolderKey key) throws IOException;

    void putFolder(FolderKey key, FolderState state) throws IOException;

    /** Forgets a folder that is gone, with its placements. */
    void deleteFolder(FolderKey key) throws IOException;

    void putPlacement(FolderKey key, PlacementRecord placement) throws IOException;

    void deletePlacement(FolderKey key, String base) throws IOException;

    /** The blobs of the content table the last run wrote for {@code mailbox}, if recorded. */
    Optional<ContentTable> contentTable(String mailbox) throws IOException;

    void putContentTable(String mailbox, ContentTable table) throws IOException;

    /** Forgets the mailbox's content table (it has no mail, or is gone). */
    void deleteContentTable(String mailbox) throws IOException;
}
