package org.mailsnap.stats;

import java.io.IOException;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestChunks;
import org.mailsnap.snapshot.Snapshot;

/**
 * The figures of {@link RepositoryStats} computed the plain way, an object per referenced blob in maps (what
 * {@link StatsCollector} did before its memory was bounded, ~150 bytes a blob): the reference the compact collector
 * must agree with.
 */
final class StatsOracle {
    private static final int NO_MAILBOX = -1;

    private final Repository repository;
    private final SnapshotHistory history;
    private final BlobSource metadata;
    private final BlobIndex locations;

    private final Map<String, Integer> mailboxNumbers = new LinkedHashMap<>();
    private final Map<BlobId, Use> uses = new HashMap<>();
    private final Set<BlobId> headers = new HashSet<>();
    /** The header blobs of the mailbox asked for (its distinct messages). */
    private final Set<BlobId> mailboxHeaders = new HashSet<>();
    /** (manifest chunk, mailbox) pairs already walked: a chunk holds the same placements wherever it recurs. */
    private final Set<Map.Entry<BlobId, Integer>> walkedManifests = new HashSet<>();

    /** What the walk knows of one referenced blob. */
    private static final class Use {
        final Instant first;
        final int firstMailbox;
        final boolean message;
        /** Every mailbox referencing it, once a second one does; null while at most one does. */
        BitSet mailboxes;

        Use(Instant first, int firstMailbox, boolean message) {
            this.first = first;
            this.firstMailbox = firstMailbox;
            this.message = message;
        }

        boolean belongsTo(int mailbox) {
            return mailboxes == null ? firstMailbox == mailbox : mailboxes.get(mailbox);
        }

        int mailboxCount() {
            return mailboxes != null ? mailboxes.cardinality() : firstMailbox == NO_MAILBOX ? 0 : 1;
        }
    }

    /**
     * @param metadata  reads tree and manifest chunks
     * @param locations where each blob is (its raw and stored lengths)
     */
    StatsOracle(Repository repository, SnapshotHistory history, BlobSource metadata, BlobIndex locations) {
        this.repository = repository;
        this.history = history;
        this.metadata = metadata;
        this.locations = locations;
    }

    /** @param mailbox the mailbox whose share to report as well, or null */
    RepositoryStats collect(String mailbox) throws IOException {
        long logical = 0;
        Map<String, Snapshot> newestOfStore = new LinkedHashMap<>();
        int mailboxSnapshots = 0;
        List<SnapshotSummary> all = history.all();
        for (SnapshotSummary summary : all) {
            Snapshot snapshot = history.open(summary);
            logical += snapshot.stats().bytes();
            newestOfStore.put(snapshot.storeKey(), snapshot);
            if (walk(snapshot, mailbox)) {
                mailboxSnapshots++;
            }
        }
        Instant oldest = all.isEmpty() ? null : all.get(0).time();
        Instant newest = all.isEmpty() ? null : all.get(all.size() - 1).time();

        long raw = 0;
        long stored = 0;
        long messageRaw = 0;
        long sharedBlobs = 0;
        long sharedStored = 0;
        long saved = 0;
        long grown = 0;
        Integer wanted = mailbox == null ? null : mailboxNumbers.get(mailbox);
        long referencedByMailbox = 0;
        long own = 0;
        long ownBlobs = 0;
        long sharedByMailbox = 0;
        for (Map.Entry<BlobId, Use> e : uses.entrySet()) {
            BlobLocation location = locations.find(e.getKey()).orElse(null);
            if (location == null) {
                continue; // damaged or missing: check reports it; it takes no space
            }
            Use use = e.getValue();
            raw += location.rawLength();
            stored += location.length();
            if (use.message) {
                messageRaw += location.rawLength();
            }
            int count = use.mailboxCount();
            if (count > 1) {
                sharedBlobs++;
                sharedStored += location.length();
                saved += (long) (count - 1) * location.length();
            }
            if (use.first.isAfter(oldest)) {
                grown += location.length();
            }
            if (wanted != null && use.belongsTo(wanted)) {
                referencedByMailbox += location.length();
                if (count == 1) {
                    own += location.length();
                    ownBlobs++;
                } else {
                    sharedByMailbox += location.length();
                }
            }
        }
        long newestMessages = 0;
        long newestMailboxes = 0;
        for (Snapshot s : newestOfStore.values()) {
            newestMessages += s.stats().messages();
            newestMailboxes += s.stats().mailboxes();
        }
        MailboxShare share = mailbox == null
                ? null
                : new MailboxShare(
                        mailbox,
                        mailboxSnapshots,
                        mailboxHeaders.size(),
                        referencedByMailbox,
                        own,
                        ownBlobs,
                        sharedByMailbox);
        Map<PackId, Long> packs = repository.maintenance().listPacks().packs();
        long packBytes = packs.values().stream().mapToLong(Long::longValue).sum();
        return new RepositoryStats(
                all.size(),
                oldest,
                newest,
                packs.size(),
                packBytes,
                logical,
                uses.size(),
                raw,
                stored,
                messageRaw,
                sharedBlobs,
                sharedStored,
                saved,
                newestMessages,
                newestMailboxes,
                mailboxNumbers.size(),
                headers.size(),
                grown,
                share,
                List.of());
    }

    /** Walks one snapshot; returns whether it holds {@code mailbox}. */
    private boolean walk(Snapshot snapshot, String mailbox) throws IOException {
        Instant time = snapshot.time();
        for (BlobId chunk : snapshot.tree()) {
            use(chunk, time, NO_MAILBOX, false);
        }
        boolean[] holds = {false};
        ChunkCursor.tree(snapshot.tree(), metadata).forEachRemaining(folder -> {
            String name = folder.key().mailbox();
            int number = mailboxNumbers.computeIfAbsent(name, n -> mailboxNumbers.size());
            boolean counted = name.equals(mailbox);
            holds[0] |= counted;
            walkFolder(folder, number, time, counted);
        });
        return holds[0];
    }

    private void walkFolder(FolderEntry folder, int mailbox, Instant time, boolean counted) throws IOException {
        for (ControlFile file : folder.controlFiles()) {
            for (BlobId chunk : file.chunks()) {
                use(chunk, time, mailbox, false);
            }
        }
        for (BlobId chunk : folder.manifest()) {
            use(chunk, time, mailbox, false);
            if (!walkedManifests.add(Map.entry(chunk, mailbox))) {
                continue;
            }
            ManifestChunks.visit(chunk, metadata, new ManifestChunks.Visitor() {
                @Override
                public boolean enter(BlobId contentChunk) {
                    use(contentChunk, time, mailbox, false);
                    return walkedManifests.add(Map.entry(contentChunk, mailbox));
                }

                @Override
                public void content(Placement p) {
                    BlobId header = p.content().header();
                    headers.add(header);
                    if (counted) {
                        mailboxHeaders.add(header);
                    }
                    use(header, time, mailbox, true);
                    for (BlobId body : p.content().body()) {
                        use(body, time, mailbox, true);
                    }
                }
            });
        }
    }

    private void use(BlobId id, Instant time, int mailbox, boolean message) {
        Use use = uses.get(id);
        if (use == null) {
            uses.put(id, new Use(time, mailbox, message));
            return;
        }
        if (mailbox == NO_MAILBOX || use.belongsTo(mailbox)) {
            return;
        }
        if (use.mailboxes == null) {
            use.mailboxes = new BitSet();
            if (use.firstMailbox != NO_MAILBOX) {
                use.mailboxes.set(use.firstMailbox);
            }
        }
        use.mailboxes.set(mailbox);
    }
}
