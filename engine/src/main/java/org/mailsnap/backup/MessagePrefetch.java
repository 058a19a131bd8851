package org.mailsnap.backup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.mailsnap.concurrent.DaemonThreads;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.maildir.MessageFiles;

/**
 * Tells the file system which message files the readers open next ({@link MessageFiles#readSoon}), on a thread of
 * its own, at most {@link #AHEAD_KIB} KiB past the readers. A reader opening a file that is not in the page cache
 * waits for the disk, so without hints a store larger than memory is read one request per reader thread at a time,
 * and the cores idle; with them the disk has the next files' reads queued (and merged, where a folder's files lie
 * next to each other) while the readers compress.
 *
 * <p>What a file counts against the window is what is asked for: its {@code ,S=} size where the name gives one,
 * else {@link #UNKNOWN_BYTES}, at most {@link #BYTES_PER_FILE}, rounded up to whole KiB.
 */
final class MessagePrefetch implements AutoCloseable {
    /**
     * Page cache filled ahead of the readers: a mailbox of typical mail (~20 KB a message) is hinted whole, which
     * was fastest on a cold store (benchmarks/results/2026-12-07-read-ahead), and a run of large messages does not
     * push pages out of the cache before the readers get to them.
     */
    static final int AHEAD_KIB = 64 * 1024;
    /**
     * The bytes asked for of each file: most messages whole; a larger file's rest is read ahead by the kernel as the
     * reader goes, so one huge attachment does not fill the window.
     */
    static final long BYTES_PER_FILE = 256 * 1024;
    /** What a file whose name gives no size is taken to be. */
    static final long UNKNOWN_BYTES = 64 * 1024;

    private final MessageFiles files;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("mailsnap-prefetch"));

    MessagePrefetch(MessageFiles files) {
        this.files = files;
    }

    /** Starts hinting the requests' files in order; each file a reader is done with makes room for more hints. */
    Window start(List<MessageReads.Request> requests) {
        Window window = new Window(requests);
        if (!requests.isEmpty()) {
            thread.execute(window::hintAll);
        }
        return window;
    }

    /** One mailbox's reads: the readers say when each file is done; closing it stops the hints. */
    final class Window implements AutoCloseable {
        private final List<MessageReads.Request> requests;
        private final Semaphore room = new Semaphore(AHEAD_KIB);
        private volatile boolean closed;

        private Window(List<MessageReads.Request> requests) {
            this.requests = requests;
        }

        /** A reader finished the file of {@code request} (read, vanished or failed). */
        void readerDone(MessageReads.Request request) {
            room.release(kibibytes(request));
        }

        private void hintAll() {
            try {
                for (MessageReads.Request request : requests) {
                    int kib = kibibytes(request);
                    room.acquire(kib);
                    if (closed) {
                        return;
                    }
                    files.readSoon(request.path(), kib * 1024L);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt(); // the run is over
            }
        }

        @Override
        public void close() {
            closed = true;
            room.release(AHEAD_KIB); // wakes the hinting thread, which then sees it is closed
        }
    }

    /** What {@code request}'s file counts against the window, in KiB (at least 1, at most the window's 1/256). */
    static int kibibytes(MessageReads.Request request) {
        long bytes = MaildirName.sizeHint(request.base()).orElse(UNKNOWN_BYTES);
        return (int) ((Math.max(1, Math.min(bytes, BYTES_PER_FILE)) + 1023) / 1024);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
