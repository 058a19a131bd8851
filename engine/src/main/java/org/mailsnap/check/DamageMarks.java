package org.mailsnap.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogCursor;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobReceiver;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.PackId;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.repository.RepositoryException;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Tells the local catalog about bad blobs, so that backups stop deduplicating against them and store the affected
 * messages again from the live store (which still has them). Called by check with everything it found, and by a
 * restore that meets a bad blob ({@link #marking}).
 *
 * <p>Three caches would otherwise keep reusing the lost data, and each is corrected in the narrowest place:
 * <ol>
 *   <li>the blob index: the bad location is dropped and remembered ({@code CatalogBlobIndex.markDamaged}), so
 *       {@code put} of the same bytes stores them again;</li>
 *   <li>the content map (mailbox, GUID → blobs): the entries of the affected messages are deleted, so a message
 *       that moves or comes back is read, not reused;</li>
 *   <li>the last run's placements and folder states: a placement whose content uses a bad blob is deleted, and a
 *       folder holding one, or whose manifest or control-file chunks are bad, gets listing time 0 so the next run
 *       lists it (an unchanged folder is otherwise carried over without a look). The listing then meets the
 *       message as unknown and reads it; the manifest and control files are written again, and their chunks,
 *       no longer found in the blob index, are stored again. A bad blob no folder state or placement lists (a
 *       content chunk, which a version 3 manifest reaches through its index; or data only older snapshots use)
 *       has every folder listed again, so each mailbox's content table is written anew.</li>
 * </ol>
 * Nothing else changes: a backup needs no knowledge of damage.
 *
 * <p>Marks are taken back by a check that reads a marked location whole and verifies it (a failure that was
 * transient: a storage timeout, a pack that was restored): {@link #record(Catalog, CheckResult)} clears them and
 * the location serves deduplication again. A check that does not read the pack leaves the mark.
 */
public final class DamageMarks {
    private DamageMarks() {}

    /** A message by mailbox and identity (its GUID: the base unless the uidlist recorded another), as the content
     * map keys it. */
    public record MessageRef(String mailbox, String identity) {}

    /**
     * What marking changed.
     *
     * @param blobsDropped     blob locations dropped from the blob index
     * @param placementsDropped last-run placements deleted (their messages are read by the next backup)
     * @param foldersRelisted  folders the next backup lists again
     * @param marksCleared     marks taken back: the location was verified intact
     */
    public record Result(long blobsDropped, long placementsDropped, long foldersRelisted, long marksCleared) {}

    /** Marks everything a check found bad, and clears the marks of locations it verified intact. */
    public static Result record(Catalog catalog, CheckResult result) throws IOException {
        List<MessageRef> messages = result.messages().stream()
                .filter(m -> !m.unindexedOnly()) // intact data needs a repair of the index, not a second copy
                .map(m -> new MessageRef(m.mailbox(), m.identity()))
                .toList();
        Result marked = record(catalog, result.badBlobs(), messages);
        long cleared = result.intact().isEmpty() ? 0 : catalog.blobs().clearDamaged(result.intact());
        return new Result(marked.blobsDropped(), marked.placementsDropped(), marked.foldersRelisted(), cleared);
    }

    /**
     * A blob source that marks every blob it fails to read (damaged, missing pack, not in the index) at its current
     * location in the catalog before passing the failure on: what restore and dump read through, so a restore that
     * meets a bad blob makes the next backup store that message again.
     */
    public static BlobSource marking(BlobSource source, Catalog catalog) {
        return new BlobSource() {
            @Override
            public byte[] get(BlobId id) throws IOException {
                return markingFailures(catalog, id, () -> source.get(id));
            }

            @Override
            public int read(BlobId id, BlobReceiver receiver) throws IOException {
                return markingFailures(catalog, id, () -> source.read(id, receiver));
            }
        };
    }

    /** A read of one blob. */
    @FunctionalInterface
    private interface BlobRead<T> {
        T run() throws IOException;
    }

    private static <T> T markingFailures(Catalog catalog, BlobId id, BlobRead<T> read) throws IOException {
        try {
            return read.run();
        } catch (RepositoryException | CorruptObjectException | UnsupportedVersionException | NoSuchObjectException e) {
            throw marked(catalog, id, e);
        }
    }

    /** {@code failure}, once blob {@code id} is marked damaged at its current location (or why it could not be). */
    private static IOException marked(Catalog catalog, BlobId id, IOException failure) {
        try {
            PackId pack = catalog.blobs().find(id).map(BlobLocation::pack).orElse(null);
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            record(catalog, List.of(new DamagedBlob(id, pack, reason)), List.of());
        } catch (IOException | RuntimeException marking) {
            failure.addSuppressed(marking);
        }
        return failure;
    }

    public static Result record(Catalog catalog, Collection<DamagedBlob> bad, Collection<MessageRef> messages)
            throws IOException {
        if (bad.isEmpty() && messages.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        long dropped = catalog.blobs().markDamaged(bad);
        // Only blobs the catalog now has no good location for need their messages read again: one stored again
        // since (a later backup, another host) is found by the next backup and deduplicated, as it should be.
        Set<BlobId> ids = new HashSet<>();
        for (DamagedBlob b : bad) {
            if (catalog.blobs().find(b.id()).isEmpty()) {
                ids.add(b.id());
            }
        }
        long placements = 0;
        long folders = 0;
        try (CatalogWriter w = catalog.beginWrite()) {
            for (MessageRef m : messages) {
                w.deleteContent(m.mailbox(), m.identity());
            }
            Set<String> stores = new LinkedHashSet<>();
            for (SnapshotSummary s : w.snapshots()) {
                stores.add(s.storeKey());
            }
            // A bad blob that no folder state or placement lists may be a content chunk of a version 3 manifest
            // (its index lists it): every folder is listed again, which writes each mailbox's content table anew.
            boolean relistAll = !unexplained(w, stores, ids).isEmpty();
            for (String store : stores) {
                for (FolderKey key : w.folders(store)) {
                    FolderState state = w.folder(store, key).orElse(null);
                    if (state == null) {
                        continue;
                    }
                    List<PlacementRecord> badBases = new ArrayList<>();
                    try (CatalogCursor<PlacementRecord> cursor = w.placements(store, key)) {
                        while (cursor.hasNext()) {
                            PlacementRecord r = cursor.next();
                            if (uses(r.content(), ids)) {
                                badBases.add(r);
                            }
                        }
                    }
                    for (PlacementRecord r : badBases) {
                        w.deletePlacement(store, key, r.base());
                        w.deleteContent(key.mailbox(), r.guid().isEmpty() ? r.base() : r.guid());
                    }
                    placements += badBases.size();
                    if (relistAll || !badBases.isEmpty() || usesAny(state, ids)) {
                        w.putFolder(store, key, new FolderState(0, state.entry()));
                        folders++;
                    }
                }
            }
            w.commit();
        }
        return new Result(dropped, placements, folders, 0);
    }

    /** The blobs of {@code ids} that no folder state (manifest, control files) nor placement of the stores lists. */
    private static Set<BlobId> unexplained(CatalogWriter w, Set<String> stores, Set<BlobId> ids) throws IOException {
        Set<BlobId> unexplained = new HashSet<>(ids);
        for (String store : stores) {
            for (FolderKey key : w.folders(store)) {
                w.folder(store, key).ifPresent(state -> {
                    unexplained.removeAll(state.entry().manifest());
                    state.entry().controlFiles().forEach(c -> unexplained.removeAll(c.chunks()));
                });
                try (CatalogCursor<PlacementRecord> cursor = w.placements(store, key)) {
                    while (cursor.hasNext() && !unexplained.isEmpty()) {
                        MessageContent content = cursor.next().content();
                        unexplained.remove(content.header());
                        content.body().forEach(unexplained::remove);
                    }
                }
            }
        }
        return unexplained;
    }

    private static boolean uses(MessageContent content, Set<BlobId> ids) {
        return ids.contains(content.header()) || content.body().stream().anyMatch(ids::contains);
    }

    private static boolean usesAny(FolderState state, Set<BlobId> ids) {
        return state.entry().manifest().stream().anyMatch(ids::contains)
                || state.entry().controlFiles().stream()
                        .flatMap(file -> file.chunks().stream())
                        .anyMatch(ids::contains);
    }
}
