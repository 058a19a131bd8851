package org.mailsnap.stats;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.history.DamagedSnapshot;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIdSet;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.BlobNotFoundException;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestChunks;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Walks every snapshot once and adds up the figures of {@link RepositoryStats} as it goes (see the package doc for
 * the algorithm and its memory). Use one collector for one {@link #collect}.
 */
public final class StatsCollector {
    private static final int NO_MAILBOX = -1;

    private final Repository repository;
    private final SnapshotHistory history;
    private final BlobSource metadata;
    private final BlobIndex locations;
    private final long indexedBlobs;

    private final Map<String, Integer> mailboxNumbers = new LinkedHashMap<>();
    private Totals totals;
    private OwnerTable owners;
    /** Referenced blobs the index does not know (missing or damaged; check reports them): few, kept whole. */
    private final Map<BlobId, Set<Integer>> unindexed = new HashMap<>();

    private final Set<BlobId> unindexedHeaders = new HashSet<>();
    private final Set<BlobId> unindexedHeadersOfMailbox = new HashSet<>();

    /** What a blob is to the snapshot that reaches it: the first reach decides whether it counts as message data. */
    private enum Kind {
        METADATA,
        HEADER,
        BODY
    }

    /** The sums, added to as blobs are met. */
    private static final class Totals {
        final Instant oldest;
        /** The number of the mailbox asked for, once a snapshot holds it; else {@link #NO_MAILBOX}. */
        int wanted = NO_MAILBOX;

        long raw;
        long stored;
        long messageRaw;
        long grown;
        long sharedBlobs;
        long sharedStored;
        long saved;
        long headers;
        long wantedHeaders;
        long wantedBlobs;
        long wantedBytes;
        long wantedSharedBlobs;
        long wantedSharedBytes;

        Totals(Instant oldest) {
            this.oldest = oldest;
        }
    }

    /**
     * Per indexed blob, beside a {@link BlobIdSet} sized once: which mailboxes reach it, and whether it was met as a
     * header (of any mailbox, of the mailbox asked for). {@code owner[slot]}: 0 no mailbox yet, {@code m + 1} the one
     * mailbox {@code m}, {@code -c} shared by {@code c} mailboxes, which are then held as (blob, mailbox) keys in a
     * growing set: only shared blobs cost more than the slot.
     */
    private static final class OwnerTable {
        final BlobIdSet blobs;
        final int[] owner;
        final BitSet header;
        final BitSet headerOfMailbox;
        final BlobIdSet sharedPairs = BlobIdSet.growing();

        OwnerTable(long indexedBlobs) {
            blobs = new BlobIdSet(indexedBlobs);
            owner = new int[blobs.capacity()];
            header = new BitSet(blobs.capacity());
            headerOfMailbox = new BitSet(blobs.capacity());
        }

        /** The key of "mailbox reaches blob" in {@link #sharedPairs}: the blob's prefix and the number, mixed. */
        static long pair(BlobId id, int mailbox) {
            long h = BlobIdSet.keyOf(id) ^ ((mailbox + 1L) * 0x9E3779B97F4A7C15L);
            h ^= h >>> 33; // MurmurHash3's finaliser: the set's slot is taken from the key's high bits
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }

        long bytes() {
            return blobs.bytes() + 4L * owner.length + 2L * owner.length / 8 + sharedPairs.bytes();
        }
    }

    /**
     * @param metadata     reads tree and manifest chunks
     * @param locations    where each blob is (its raw and stored lengths)
     * @param indexedBlobs how many blobs {@code locations} holds: sizes the table of referenced blobs once
     */
    public StatsCollector(
            Repository repository,
            SnapshotHistory history,
            BlobSource metadata,
            BlobIndex locations,
            long indexedBlobs) {
        this.repository = repository;
        this.history = history;
        this.metadata = metadata;
        this.locations = locations;
        this.indexedBlobs = indexedBlobs;
    }

    /** @param mailbox the mailbox whose share to report as well, or null */
    public RepositoryStats collect(String mailbox) throws IOException {
        List<SnapshotSummary> listed = history.all();
        Instant oldest = listed.isEmpty() ? null : listed.get(0).time();
        Instant newest = listed.isEmpty() ? null : listed.get(listed.size() - 1).time();
        owners = new OwnerTable(indexedBlobs);
        totals = new Totals(oldest);
        long logical = 0;
        Map<String, Snapshot> newestOfStore = new LinkedHashMap<>();
        int mailboxSnapshots = 0;
        List<SnapshotSummary> all = new ArrayList<>();
        List<DamagedSnapshot> skipped = new ArrayList<>();
        for (SnapshotSummary summary : listed) {
            Snapshot snapshot;
            boolean holdsMailbox;
            try {
                snapshot = history.open(summary);
                holdsMailbox = walk(snapshot, mailbox);
            } catch (CorruptObjectException
                    | UnsupportedVersionException
                    | BlobNotFoundException
                    | NoSuchObjectException e) {
                // damage, not an outage: the other snapshots still count ('mailsnap check' names what is lost)
                skipped.add(new DamagedSnapshot(summary.id(), e.getMessage()));
                continue;
            }
            all.add(summary);
            logical += snapshot.stats().bytes();
            newestOfStore.put(snapshot.storeKey(), snapshot);
            if (holdsMailbox) {
                mailboxSnapshots++;
            }
        }
        long newestMessages = 0;
        long newestMailboxes = 0;
        for (Snapshot s : newestOfStore.values()) {
            newestMessages += s.stats().messages();
            newestMailboxes += s.stats().mailboxes();
        }
        Totals t = totals;
        MailboxShare share = mailbox == null
                ? null
                : new MailboxShare(
                        mailbox,
                        mailboxSnapshots,
                        t.wantedHeaders + unindexedHeadersOfMailbox.size(),
                        t.wantedBytes,
                        t.wantedBytes - t.wantedSharedBytes,
                        t.wantedBlobs - t.wantedSharedBlobs,
                        t.wantedSharedBytes);
        Map<PackId, Long> packs = repository.maintenance().listPacks().packs();
        long packBytes = packs.values().stream().mapToLong(Long::longValue).sum();
        return new RepositoryStats(
                all.size(),
                oldest,
                newest,
                packs.size(),
                packBytes,
                logical,
                owners.blobs.size() + unindexed.size(),
                t.raw,
                t.stored,
                t.messageRaw,
                t.sharedBlobs,
                t.sharedStored,
                t.saved,
                newestMessages,
                newestMailboxes,
                mailboxNumbers.size(),
                t.headers + unindexedHeaders.size(),
                t.grown,
                share,
                skipped);
    }

    /** Bytes the per-blob tables of the last {@link #collect} held (for tests and benchmarks). */
    public long tableBytes() {
        return owners == null ? 0 : owners.bytes();
    }

    /** Walks one snapshot; returns whether it holds {@code mailbox}. */
    private boolean walk(Snapshot snapshot, String mailbox) throws IOException {
        Instant time = snapshot.time();
        for (BlobId chunk : snapshot.tree()) {
            use(chunk, time, NO_MAILBOX, Kind.METADATA);
        }
        boolean holds = false;
        ChunkCursor<FolderEntry> folders = ChunkCursor.tree(snapshot.tree(), metadata);
        for (FolderEntry folder = folders.next(); folder != null; folder = folders.next()) {
            String name = folder.key().mailbox();
            int number = mailboxNumbers.computeIfAbsent(name, n -> mailboxNumbers.size());
            boolean counted = name.equals(mailbox);
            if (counted) {
                totals.wanted = number;
            }
            holds |= counted;
            walkFolder(folder, number, time, counted);
        }
        return holds;
    }

    private void walkFolder(FolderEntry folder, int mailbox, Instant time, boolean counted) throws IOException {
        for (ControlFile file : folder.controlFiles()) {
            for (BlobId chunk : file.chunks()) {
                use(chunk, time, mailbox, Kind.METADATA);
            }
        }
        for (BlobId chunk : folder.manifest()) {
            if (!use(chunk, time, mailbox, Kind.METADATA)) {
                continue; // this mailbox reached the chunk before: a chunk holds the same placements wherever it recurs
            }
            ManifestChunks.visit(chunk, metadata, new ManifestChunks.Visitor() {
                @Override
                public boolean enter(BlobId contentChunk) throws IOException {
                    return use(contentChunk, time, mailbox, Kind.METADATA); // a version 3 index's content chunk
                }

                @Override
                public void content(Placement p) throws IOException {
                    BlobId header = p.content().header();
                    use(header, time, mailbox, Kind.HEADER);
                    markHeader(header, counted);
                    for (BlobId body : p.content().body()) {
                        use(body, time, mailbox, Kind.BODY);
                    }
                }
            });
        }
    }

    /**
     * Counts one reach of a blob by {@code mailbox} (or by no mailbox: a tree chunk) in a snapshot taken at
     * {@code time}; returns whether the mailbox reaches it for the first time.
     */
    private boolean use(BlobId id, Instant time, int mailbox, Kind kind) throws IOException {
        int slot = owners.blobs.slotOf(id);
        if (slot < 0) {
            Optional<BlobLocation> location = unindexed.containsKey(id) ? Optional.empty() : locations.find(id);
            if (location.isEmpty()) { // damaged or missing: check reports it; it takes no space
                return mailbox != NO_MAILBOX
                        && unindexed.computeIfAbsent(id, k -> new HashSet<>()).add(mailbox);
            }
            owners.blobs.add(id);
            slot = owners.blobs.slotOf(id);
            firstReach(location.get(), time, kind);
        }
        return mailbox != NO_MAILBOX && reach(slot, id, mailbox);
    }

    /** What depends only on the first snapshot that reaches a blob: its bytes, its kind, whether it is growth. */
    private void firstReach(BlobLocation location, Instant time, Kind kind) {
        totals.raw += location.rawLength();
        totals.stored += location.length();
        if (kind != Kind.METADATA) {
            totals.messageRaw += location.rawLength();
        }
        if (time.isAfter(totals.oldest)) {
            totals.grown += location.length();
        }
    }

    /** {@code mailbox} reaches an indexed blob; returns whether for the first time. */
    private boolean reach(int slot, BlobId id, int mailbox) throws IOException {
        int owner = owners.owner[slot];
        if (owner == 0) {
            owners.owner[slot] = mailbox + 1;
            if (mailbox == totals.wanted) {
                totals.wantedBlobs++;
                totals.wantedBytes += storedLength(id);
            }
            return true;
        }
        if (owner == mailbox + 1 || (owner < 0 && !owners.sharedPairs.add(OwnerTable.pair(id, mailbox)))) {
            return false; // this mailbox reached it before
        }
        long length = storedLength(id);
        if (owner > 0) { // a second mailbox: the blob becomes shared
            owners.sharedPairs.add(OwnerTable.pair(id, owner - 1));
            owners.sharedPairs.add(OwnerTable.pair(id, mailbox));
            owners.owner[slot] = -2;
            totals.sharedBlobs++;
            totals.sharedStored += length;
            if (owner - 1 == totals.wanted) { // the mailbox asked for: its own blob is shared now
                totals.wantedSharedBlobs++;
                totals.wantedSharedBytes += length;
            }
        } else { // one more mailbox
            owners.owner[slot] = owner - 1;
        }
        totals.saved += length;
        if (mailbox == totals.wanted) {
            totals.wantedBlobs++;
            totals.wantedBytes += length;
            totals.wantedSharedBlobs++;
            totals.wantedSharedBytes += length;
        }
        return true;
    }

    private void markHeader(BlobId header, boolean ofMailbox) {
        int slot = owners.blobs.slotOf(header);
        if (slot < 0) {
            unindexedHeaders.add(header);
            if (ofMailbox) {
                unindexedHeadersOfMailbox.add(header);
            }
            return;
        }
        if (!owners.header.get(slot)) {
            owners.header.set(slot);
            totals.headers++;
        }
        if (ofMailbox && !owners.headerOfMailbox.get(slot)) {
            owners.headerOfMailbox.set(slot);
            totals.wantedHeaders++;
        }
    }

    private long storedLength(BlobId id) throws IOException {
        return locations.find(id).map(BlobLocation::length).orElse(0).longValue();
    }
}
