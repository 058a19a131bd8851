package org.mailsnap.recovery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.FlagWords;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.CapturedKeywords;
import org.mailsnap.walk.SnapshotWalker;

/**
 * A search hit's flags in words, its keyword letters named as the folder's {@code dovecot-keywords} named them in the
 * hit's last snapshot (or, once that was forgotten, in the snapshot carrying the deleted-mail ledger that keeps it). The catalog keeps a message's flag letters, not the names (they belong to the folder, and
 * the repository holds each folder's keywords file as captured), so naming them reads the repository: the snapshot's
 * tree and the keywords file, once per (snapshot, mailbox, folder), and only for hits that carry keyword letters.
 * A name that cannot be found (no such index in the file, no keywords file, no last snapshot, an unreadable one)
 * stays {@link FlagWords unnamed}; the search goes on.
 */
public final class HitFlagWords {
    private final SnapshotHistory history;
    private final BlobSource blobs;
    private final Map<SnapshotId, Optional<Snapshot>> snapshots = new HashMap<>();
    private final Map<FolderOf, Optional<Keywords>> keywords = new HashMap<>();

    /** A folder of a mailbox in one snapshot: whose keywords file is read once. */
    private record FolderOf(SnapshotId snapshot, String mailbox, String folder) {}

    /** @param blobs reads tree chunks and keywords files */
    public HitFlagWords(SnapshotHistory history, BlobSource blobs) {
        this.history = history;
        this.blobs = blobs;
    }

    /** The hit's flags in words, in the order of their letters. */
    public List<String> of(MessageHit hit) throws InterruptedIOException {
        String letters = hit.flags();
        boolean hasKeywords = letters.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        return FlagWords.ofLetters(letters, hasKeywords ? keywordsOf(hit).orElse(null) : null);
    }

    private Optional<Keywords> keywordsOf(MessageHit hit) throws InterruptedIOException {
        SnapshotSummary last = hit.restoreFrom(); // a ledger's carrier has the folder's keywords its restore uses
        if (last == null) {
            return Optional.empty();
        }
        return cached(keywords, new FolderOf(last.id(), hit.mailbox(), hit.folder()), () -> {
            Snapshot s = cached(snapshots, last.id(), () -> history.open(last)).orElse(null);
            if (s == null) {
                return null;
            }
            FolderEntry entry = new SnapshotWalker(blobs, s.separator()).folder(s, hit.mailbox(), hit.folder());
            return CapturedKeywords.of(entry, blobs);
        });
    }

    /** What {@code cache} holds for {@code key}, else what {@code read} gives (kept, also when empty). */
    private static <K, V> Optional<V> cached(Map<K, Optional<V>> cache, K key, Read<V> read)
            throws InterruptedIOException {
        Optional<V> known = cache.get(key);
        if (known == null) {
            known = unlessUnreadable(read);
            cache.put(key, known);
        }
        return known;
    }

    private interface Read<T> {
        T get() throws IOException;
    }

    /** What {@code read} gives, empty when the repository cannot give it back (an interrupt still ends the run). */
    private static <T> Optional<T> unlessUnreadable(Read<T> read) throws InterruptedIOException {
        try {
            return Optional.ofNullable(read.get());
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
