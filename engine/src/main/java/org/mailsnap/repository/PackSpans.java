package org.mailsnap.repository;

import java.io.IOException;
import org.mailsnap.storage.Storage;

/**
 * The pack reads of one reader that asks for many blobs in about the order a backup stored them (a restore walks the
 * folders in the order the backup read them, so a message's blobs, and the next message's, lie side by side in a
 * pack). A blob that continues where a recent read of its pack ended starts a read of the next {@link #SPAN} bytes
 * of that pack, which then serves the blobs that follow from memory: one {@code open}/{@code pread} per span instead
 * of per blob. A blob elsewhere (a message deduplicated against an older one) is read alone, and remembered, so that
 * a run of blobs after it starts a span too. At most {@link #KEPT} reads are kept (least recently used goes), so memory
 * is bounded by {@code KEPT × SPAN} however large the restore. Thread-safe; a span is immutable once read.
 */
final class PackSpans {
    static final int SPAN = 1 << 20;
    static final int KEPT = 4;
    /** A blob that starts this close after a kept read still counts as continuing it. */
    private static final int GAP = 64 << 10;

    /** Bytes {@code [start, start + bytes.length)} of the pack {@code pack}. */
    record Span(String pack, long start, byte[] bytes) {
        long end() {
            return start + bytes.length;
        }

        boolean holds(String pack, long offset, int length) {
            return this.pack.equals(pack) && offset >= start && offset + length <= end();
        }

        boolean continuedBy(String pack, long offset) {
            return this.pack.equals(pack) && offset >= start && offset <= end() + GAP;
        }
    }

    private final Storage storage;
    /** Most recently used first. Guarded by this. */
    private final Span[] kept = new Span[KEPT];

    PackSpans(Storage storage) {
        this.storage = storage;
    }

    /** A span of {@code pack} that holds its bytes {@code [offset, offset + length)}. */
    Span spanOf(String pack, long offset, int length) throws IOException {
        boolean continues = false;
        synchronized (this) {
            for (int i = 0; i < KEPT && kept[i] != null; i++) {
                Span span = kept[i];
                if (span.holds(pack, offset, length)) {
                    moveToFront(i, span);
                    return span;
                }
                continues |= span.continuedBy(pack, offset);
            }
        }
        String object = PackFormat.objectName(pack);
        int wanted = length;
        if (continues && length < SPAN) {
            // never past the end: a range beyond it is an error (a truncated pack) for the one blob that asks for it
            wanted = (int) Math.max(length, Math.min(SPAN, storage.size(object) - offset));
        }
        Span read = new Span(pack, offset, storage.getRange(object, offset, wanted));
        synchronized (this) {
            moveToFront(KEPT - 1, read);
        }
        return read;
    }

    /** Puts {@code span} first, shifting the entries before index {@code from} down (the one at {@code from} goes). */
    private void moveToFront(int from, Span span) {
        System.arraycopy(kept, 0, kept, 1, from);
        kept[0] = span;
    }
}
