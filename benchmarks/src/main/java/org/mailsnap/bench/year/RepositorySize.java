package org.mailsnap.bench.year;

import java.util.Optional;

/**
 * The repository's size at the end of a simulation and the range it should fall in.
 *
 * <p>The bound. Let {@code retained} be the bytes of every message that was in the store at one or more kept
 * snapshots' hours, or that the deleted-mail ledger keeps (expunged within {@code --keep-deleted-within}), each
 * counted once however often it was moved, copied or renamed (what the kept history must hold), and
 * {@code placements} the number of (kept snapshot, message) pairs plus the ledger's entries (one per expunge or move
 * out of a folder within the window).
 * <ul>
 *   <li>Upper: each retained message is stored at most once at about its raw size (zstd keeps a blob raw when it
 *       does not shrink, renames and moves reuse the stored content), each placement costs at most 256 bytes of
 *       manifest and tree records (a record is a base, flags, an mtime and two blob ids, ~130 bytes unpacked; 256
 *       leaves room for chunk framing, and is an upper bound because unchanged manifest chunks are shared between
 *       snapshots), plus 64 KiB per kept snapshot for its object, tree chunk and index entries; and after a prune
 *       at most {@code maxUnused} of the repository is dead. So {@code size ≤ (retained + 256 · placements + 64 KiB
 *       · snapshots) / (1 − maxUnused)}. A prune that left the forgotten history behind would hold every message
 *       ever stored, a multiple of {@code retained} after a year.</li>
 *   <li>Lower: the first backup shows how well this mail compresses ({@code firstRepository / firstStore}); a
 *       repository below half of that ratio times {@code retained} has lost kept data.</li>
 * </ul>
 *
 * @param bytes           the repository's files now
 * @param firstRepository the repository after the first backup
 * @param firstStore      the message bytes of the generated store (the first backup's input)
 * @param retained        bytes of the distinct messages present at a kept snapshot's hour or kept by the ledger
 * @param everHeld        bytes of every distinct message the store ever held
 * @param storedInAll     bytes all backups stored (the repository's size had nothing been forgotten)
 * @param snapshots       kept snapshots
 * @param placements      (kept snapshot, message) pairs and the ledger's entries
 */
public record RepositorySize(
        long bytes,
        long firstRepository,
        long firstStore,
        long retained,
        long everHeld,
        long storedInAll,
        int snapshots,
        long placements,
        double maxUnused) {

    public long upperBound() {
        return (long) ((retained + 256.0 * placements + 65536.0 * snapshots) / (1 - maxUnused));
    }

    public long lowerBound() {
        return (long) (0.5 * retained * firstRepository / (double) firstStore);
    }

    /** A line saying how the size falls outside its bounds, or empty. */
    public Optional<String> problem() {
        if (bytes > upperBound() || bytes < lowerBound()) {
            return Optional.of("repository holds " + bytes + " bytes, outside [" + lowerBound() + ", " + upperBound()
                    + "]: " + this);
        }
        return Optional.empty();
    }
}
