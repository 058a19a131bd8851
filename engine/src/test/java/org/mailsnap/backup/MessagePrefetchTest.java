package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mailsnap.maildir.MessageFiles;

/** Hints go out in the readers' order, never more than {@link MessagePrefetch#AHEAD_KIB} KiB ahead of them. */
class MessagePrefetchTest {
    /** Records each hint and what it asked for; counts down both latches per hint. */
    private static final class Hints implements MessageFiles {
        final List<Path> hinted = new ArrayList<>();
        final AtomicLong doneKib = new AtomicLong();
        long hintedKib;
        long overtook;
        final CountDownLatch first;
        final CountDownLatch all;

        Hints(int first, int all) {
            this.first = new CountDownLatch(first);
            this.all = new CountDownLatch(all);
        }

        @Override
        public synchronized void readSoon(Path file, long bytes) {
            hinted.add(file);
            hintedKib += bytes / 1024;
            if (hintedKib > MessagePrefetch.AHEAD_KIB + doneKib.get()) {
                overtook++;
            }
            first.countDown();
            all.countDown();
        }

        synchronized List<Path> hinted() {
            return List.copyOf(hinted);
        }

        synchronized long overtook() {
            return overtook;
        }

        @Override
        public InputStream open(Path file) {
            throw new AssertionError("a hint opens nothing through the engine");
        }

        @Override
        public BasicFileAttributes stat(Path file) {
            throw new AssertionError("a hint stats nothing through the engine");
        }
    }

    /** {@code n} requests whose names say {@code size} bytes (no {@code ,S=} when negative). */
    private static List<MessageReads.Request> requests(String folder, int n, long size) {
        List<MessageReads.Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = "17000" + String.format("%05d", i) + ".M" + i + "P1.host" + (size < 0 ? "" : ",S=" + size);
            requests.add(new MessageReads.Request(Path.of("/store", folder), "cur", base + ":2,S", base, List.of()));
        }
        return requests;
    }

    @Test
    void aFileCountsWhatItsNameSaysUpToTheCapAndUnknownSizesAsTheDefault() {
        assertEquals(20, MessagePrefetch.kibibytes(requests("INBOX", 1, 20_000).get(0)));
        assertEquals(1, MessagePrefetch.kibibytes(requests("INBOX", 1, 0).get(0)));
        assertEquals(
                256, MessagePrefetch.kibibytes(requests("INBOX", 1, 40_000_000).get(0)));
        assertEquals(64, MessagePrefetch.kibibytes(requests("INBOX", 1, -1).get(0)));
    }

    @Test
    void everyFileIsHintedInTheReadersOrderAsTheyMoveOn() throws Exception {
        int perWindow = MessagePrefetch.AHEAD_KIB / 256;
        List<MessageReads.Request> requests = requests("INBOX", 3 * perWindow, 1_000_000);
        Hints files = new Hints(perWindow, requests.size());
        try (MessagePrefetch prefetch = new MessagePrefetch(files);
                MessagePrefetch.Window window = prefetch.start(requests)) {
            assertTrue(files.first.await(30, TimeUnit.SECONDS), "the first window's worth is hinted at once");
            for (MessageReads.Request done : requests) {
                files.doneKib.addAndGet(MessagePrefetch.kibibytes(done)); // a reader finishes before it reports
                window.readerDone(done);
            }
            assertTrue(files.all.await(30, TimeUnit.SECONDS), "every file is hinted once the readers move on");
        }
        assertEquals(0, files.overtook(), "a hint went out more than AHEAD_KIB past the readers");
        assertEquals(requests.stream().map(MessageReads.Request::path).toList(), files.hinted());
    }

    @Test
    void aClosedWindowStopsItsHintsAndTheNextMailboxIsHinted() throws Exception {
        int perWindow = MessagePrefetch.AHEAD_KIB / 64; // no size in the names: 64 KiB each
        Hints files = new Hints(perWindow, perWindow + 1);
        try (MessagePrefetch prefetch = new MessagePrefetch(files)) {
            MessagePrefetch.Window first = prefetch.start(requests("INBOX", 2 * perWindow, -1));
            assertTrue(files.first.await(30, TimeUnit.SECONDS));
            first.close(); // the readers failed or finished early: no reader reports done again
            List<MessageReads.Request> next = requests("Archive", 1, 5_000);
            try (MessagePrefetch.Window second = prefetch.start(next)) {
                // one hinting thread: the second mailbox's hint comes only after the first window's task returned
                assertTrue(files.all.await(30, TimeUnit.SECONDS), "the next mailbox is hinted");
            }
            List<Path> hinted = files.hinted();
            assertEquals(
                    perWindow + 1, hinted.size(), "a window's worth while no reader finished, none after the close");
            assertEquals(next.get(0).path(), hinted.get(hinted.size() - 1));
        }
    }
}
