package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptReadFilesTest {
    @TempDir
    Path directory;

    private final KeptReadFiles kept = new KeptReadFiles();
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void files() throws IOException {
        for (int i = 0; i <= KeptReadFiles.PER_THREAD; i++) {
            Files.write(directory.resolve("p" + i), new byte[] {(byte) i, 1, 2, 3});
        }
    }

    @AfterEach
    void close() throws IOException {
        kept.close();
    }

    private synchronized KeptReadFiles.Kept open(String name) throws IOException {
        opened.add(name);
        Path file = directory.resolve(name);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new KeptReadFiles.Kept(name, file, channel, channel.size());
    }

    private KeptReadFiles.Kept of(String name) throws IOException {
        return kept.of(name, this::open);
    }

    @Test
    void aThreadReadsAFileItKeepsWithoutOpeningItAgain() throws IOException {
        KeptReadFiles.Kept first = of("p0");
        KeptReadFiles.Kept again = of("p0");

        assertSame(first.channel(), again.channel());
        assertEquals(List.of("p0"), opened);
        assertEquals(4, again.size());
    }

    @Test
    void theLeastRecentlyReadOfOneFileMoreThanAThreadKeepsIsClosed() throws IOException {
        List<KeptReadFiles.Kept> first = new ArrayList<>();
        for (int i = 0; i <= KeptReadFiles.PER_THREAD; i++) {
            first.add(of("p" + i));
        }

        assertFalse(first.get(0).channel().isOpen(), "p0, read longest ago, is closed");
        for (int i = KeptReadFiles.PER_THREAD; i >= 1; i--) {
            assertSame(first.get(i).channel(), of("p" + i).channel(), "p" + i + " is still kept");
        }
        assertEquals(KeptReadFiles.PER_THREAD + 1, opened.size());
        assertTrue(of("p0").channel().isOpen());
        assertEquals("p0", opened.get(opened.size() - 1), "p0 is opened again");
        assertFalse(first.get(KeptReadFiles.PER_THREAD).channel().isOpen(), "now the last read longest ago");
    }

    @Test
    void aKeptFileFoundClosedIsOpenedAgain() throws IOException {
        KeptReadFiles.Kept first = of("p1");
        first.channel().close();

        KeptReadFiles.Kept again = of("p1");

        assertTrue(again.channel().isOpen());
        assertEquals(List.of("p1", "p1"), opened);
    }

    @Test
    void anInterruptedReadClosesItsThreadsFileOnly() throws Exception {
        KeptReadFiles.Kept mine = of("p2");
        KeptReadFiles.Kept theirs = CompletableFuture.supplyAsync(() -> {
                    try {
                        KeptReadFiles.Kept other = of("p2");
                        Thread.currentThread().interrupt();
                        assertThrows(
                                ClosedByInterruptException.class,
                                () -> other.channel().read(ByteBuffer.allocate(1), 0));
                        Thread.interrupted();
                        return other;
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .get();

        assertNotSame(mine.channel(), theirs.channel());
        assertFalse(theirs.channel().isOpen());
        ByteBuffer read = ByteBuffer.allocate(4);
        assertEquals(4, of("p2").channel().read(read, 0));
        assertEquals(2, read.get(0));
    }

    @Test
    void closingClosesTheFilesOfEveryThreadAndALaterReadOpensItsFileAgain() throws Exception {
        KeptReadFiles.Kept mine = of("p3");
        KeptReadFiles.Kept theirs = CompletableFuture.supplyAsync(() -> {
                    try {
                        return of("p4");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .get();

        kept.close();

        assertFalse(mine.channel().isOpen());
        assertFalse(theirs.channel().isOpen());
        assertTrue(of("p3").channel().isOpen());
        assertEquals(List.of("p3", "p4", "p3"), opened);
    }
}
