package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.model.BlobId;

/**
 * One file written the Maildir way: whole or not at all under its name, with its mtime, and nothing left in tmp/;
 * each test both ways, unnamed until linked ({@code O_TMPFILE}) and via a named file in tmp/ (file systems without
 * unnamed files).
 */
class MaildirFileWriterTest {
    private static final BlobId HEADER = BlobId.of(filled(1));
    private static final BlobId BODY = BlobId.of(filled(2));
    private static final Map<BlobId, byte[]> BLOBS = Map.of(
            HEADER, "Subject: hi\n\n".getBytes(StandardCharsets.US_ASCII),
            BODY, "body\n".getBytes(StandardCharsets.US_ASCII));
    private static final long MTIME_NANOS = 1_700_000_000_123_000_000L;

    private final java.util.concurrent.atomic.AtomicLong temporaries = new java.util.concurrent.atomic.AtomicLong();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "unnamed files: {0}")
    @ValueSource(booleans = {true, false})
    void writesTheChunksWithTheirMtimeAndLeavesTmpEmpty(boolean unnamed) throws IOException {
        for (boolean durable : new boolean[] {false, true}) {
            Path folder = maildir("durable-" + durable);
            Path target = folder.resolve("cur/1700000000.M1P1.host:2,S");
            long written = write(
                    writer(durable, unnamed), folder, "cur", "1700000000.M1P1.host:2,S", List.of(HEADER, BODY), 18);
            assertEquals(18, written);
            assertArrayEquals("Subject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(target));
            assertEquals(MTIME_NANOS / 1000, Files.getLastModifiedTime(target).to(TimeUnit.MICROSECONDS));
            assertEquals(List.of(), list(folder.resolve("tmp")));
        }
    }

    @ParameterizedTest(name = "unnamed files: {0}")
    @ValueSource(booleans = {true, false})
    void aWrongSizeLeavesNeitherTheFileNorATemporary(boolean unnamed) throws IOException {
        Path folder = maildir("size");
        IOException e = assertThrows(
                ContentUnavailableException.class,
                () -> write(
                        writer(false, unnamed), folder, "cur", "1700000000.M2P1.host:2,S", List.of(HEADER, BODY), 19));
        assertTrue(e.getMessage().contains("its blobs hold 18 bytes, the snapshot says 19"), e.getMessage());
        assertEquals(List.of(), list(folder.resolve("cur")));
        assertEquals(List.of(), list(folder.resolve("tmp")));
    }

    @ParameterizedTest(name = "unnamed files: {0}")
    @ValueSource(booleans = {true, false})
    void neverReplacesAnExistingFile(boolean unnamed) throws IOException {
        Path folder = maildir("exists");
        Path target = folder.resolve("new/1700000000.M3P1.host");
        Files.writeString(target, "live");
        assertThrows(
                FileAlreadyExistsException.class,
                () -> write(writer(true, unnamed), folder, "new", "1700000000.M3P1.host", List.of(HEADER), 13));
        assertEquals("live", Files.readString(target));
        assertEquals(List.of(), list(folder.resolve("tmp")));
    }

    @ParameterizedTest(name = "unnamed files: {0}")
    @ValueSource(booleans = {true, false})
    void aBlobTheRepositoryCannotGiveBackLeavesNothingAndSaysWhy(boolean unnamed) throws IOException {
        Path folder = maildir("missing");
        BlobId lost = BlobId.of(filled(3));
        IOException e = assertThrows(
                ContentUnavailableException.class,
                () -> write(
                        writer(false, unnamed), folder, "cur", "1700000000.M4P1.host:2,S", List.of(HEADER, lost), 18));
        assertTrue(e.getMessage().contains("blob not in this test's map"), e.getMessage());
        assertEquals(List.of(), list(folder.resolve("cur")));
        assertEquals(List.of(), list(folder.resolve("tmp")));
    }

    @ParameterizedTest(name = "unnamed files: {0}")
    @ValueSource(booleans = {true, false})
    void aCompleteFileIsRecognisedAndAnyOtherOccupantRefused(boolean unnamed) throws IOException {
        Path folder = maildir("resume");
        MaildirFileWriter writer = writer(false, unnamed);
        write(writer, folder, "cur", "done:2,S", List.of(HEADER, BODY), 18);
        Files.writeString(folder.resolve("cur/short:2,S"), "Subj");
        Files.createSymbolicLink(folder.resolve("cur/link:2,S"), folder.resolve("cur/done:2,S"));
        try (DirHandle cur = DirHandle.open(folder.resolve("cur"))) {
            assertTrue(writer.complete(cur, "done:2,S", 18));
            assertFalse(writer.complete(cur, "absent:2,S", 18));
            assertThrows(FileAlreadyExistsException.class, () -> writer.complete(cur, "short:2,S", 18));
            assertThrows(FileAlreadyExistsException.class, () -> writer.complete(cur, "link:2,S", 18));
        }
    }

    @Test
    void aTemporaryNamePlantedAsALinkIsPassedOverAndItsTargetUntouched() throws IOException {
        Path folder = maildir("planted");
        Path victim = Files.writeString(dir.resolve("victim"), "root only");
        Files.createSymbolicLink(folder.resolve("tmp/first"), victim);
        java.util.Iterator<String> names = List.of("first", "second").iterator();
        MaildirFileWriter writer;
        try (DirHandle target = DirHandle.open(dir)) {
            writer = new MaildirFileWriter(BLOBS::get, Ownership.of(target), true, false, names::next);
        }

        write(writer, folder, "cur", "1700000000.M5P1.host:2,S", List.of(HEADER, BODY), 18);

        assertEquals("root only", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(folder.resolve("tmp/first")), "the planted link is left as it was");
        assertEquals(List.of(folder.resolve("tmp/first")), list(folder.resolve("tmp")), "and 'second' is gone");
        assertEquals("Subject: hi\n\nbody\n", Files.readString(folder.resolve("cur/1700000000.M5P1.host:2,S")));
    }

    private static long write(
            MaildirFileWriter writer, Path folder, String sub, String name, List<BlobId> chunks, long size)
            throws IOException {
        try (DirHandle tmp = DirHandle.open(folder.resolve("tmp"));
                DirHandle dest = DirHandle.open(folder.resolve(sub))) {
            return writer.write(tmp, dest, name, chunks, size, MTIME_NANOS);
        }
    }

    private MaildirFileWriter writer(boolean durable, boolean unnamed) throws IOException {
        try (DirHandle target = DirHandle.open(dir)) {
            return new MaildirFileWriter(
                    id -> {
                        byte[] bytes = BLOBS.get(id);
                        if (bytes == null) {
                            throw new java.nio.file.NoSuchFileException("blob not in this test's map");
                        }
                        return bytes;
                    },
                    Ownership.of(target),
                    durable,
                    unnamed,
                    () -> "restore-tmp." + temporaries.incrementAndGet());
        }
    }

    private Path maildir(String name) throws IOException {
        Path folder = dir.resolve(name);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(folder.resolve(sub));
        }
        return folder;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
