package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest extends StorageContractTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path directory;

    private Path root;

    @Override
    protected Storage newStorage() {
        root = directory.resolve("repo");
        return new LocalStorage(root);
    }

    private LocalStorage storageWith(FileSync sync) {
        return new LocalStorage(root, sync, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aThreadThatReadARangeOfAnObjectReadsItAfterItsDeletionAndAnotherDoesNot() throws Exception {
        storage.put("data/aa/aa01", new byte[] {1, 2, 3, 4});
        assertArrayEquals(new byte[] {2, 3}, storage.getRange("data/aa/aa01", 1, 2));

        storage.delete("data/aa/aa01");

        assertArrayEquals(new byte[] {3, 4}, storage.getRange("data/aa/aa01", 2, 2), "the kept file is read");
        Throwable elsewhere = CompletableFuture.supplyAsync(() -> {
                    try {
                        storage.getRange("data/aa/aa01", 0, 1);
                        return null;
                    } catch (IOException e) {
                        return e;
                    }
                })
                .get();
        assertTrue(elsewhere instanceof NoSuchObjectException, String.valueOf(elsewhere));
        storage.close();
        assertThrows(NoSuchObjectException.class, () -> storage.getRange("data/aa/aa01", 0, 1));
    }

    @Test
    void objectsAreFilesUnderTheRootNamedAfterTheObject() throws IOException {
        storage.put("data/3f/3f2a", new byte[] {7, 8});

        assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(root.resolve("data/3f/3f2a")));
        assertEquals(root.toString(), storage.location());
    }

    @Test
    void objectsLargerThanOneIoSliceAreWrittenAndReadWhole() throws IOException {
        long seed = System.nanoTime();
        System.out.println("LocalStorageTest seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        byte[] data = new byte[3 * LocalStorage.IO_SLICE + 1 + random.nextInt(LocalStorage.IO_SLICE)];
        random.nextBytes(data);
        storage.put("data/3f/big", data, data.length - 1); // the buffer's prefix only, as packs are published

        byte[] prefix = java.util.Arrays.copyOf(data, data.length - 1);
        assertArrayEquals(prefix, Files.readAllBytes(root.resolve("data/3f/big")), "seed " + seed);
        assertArrayEquals(prefix, storage.get("data/3f/big"), "seed " + seed);
        int from = LocalStorage.IO_SLICE - 1 - random.nextInt(100);
        int length = 2 * LocalStorage.IO_SLICE + 3;
        assertArrayEquals(
                java.util.Arrays.copyOfRange(data, from, from + length),
                storage.getRange("data/3f/big", from, length),
                "seed " + seed);
    }

    @Test
    void putSyncsTheFileBeforeRenamingAndTheDirectoriesAfter() throws IOException {
        byte[] data = randomBytes(5000, 10);
        Path target = root.resolve("data/3f/3f2a");
        RecordingSync sync = new RecordingSync().onFileSync(() -> {
            assertFalse(Files.exists(target), "published before its bytes were synced");
            assertEquals(
                    List.of(data.length),
                    temporaryFiles().stream().map(LocalStorageTest::sizeOf).toList());
        });
        LocalStorage local = storageWith(sync);

        local.put("data/3f/3f2a", data);

        Path temp = Path.of(sync.events.get(3).substring("file ".length()));
        assertEquals(
                List.of(
                        "dir " + directory, // repo/ created
                        "dir " + root, // repo/data/ created
                        "dir " + root.resolve("data"), // repo/data/3f/ created
                        "file " + temp, // the bytes, before the rename
                        "dir " + root.resolve("data/3f") // the rename
                        ),
                sync.events);
        assertEquals(root.resolve("data/3f"), temp.getParent());
        assertTrue(temp.getFileName().toString().startsWith(".tmp-"), temp.toString());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of(), temporaryFiles());

        sync.events.clear();
        sync.onFileSync(() -> {});
        local.put("data/3f/3f2b", data);
        assertEquals(2, sync.events.size(), "known directories are not synced again: " + sync.events);
        sync.events.clear();
        storageWith(sync).put("data/3f/3f2c", data);
        assertEquals(
                List.of("dir " + root, "dir " + root.resolve("data"), "dir " + root.resolve("data/3f")),
                sync.events.stream().filter(event -> event.startsWith("dir ")).toList(),
                "another storage makes sure the directories it finds are durable, but leaves the root's parent alone");
    }

    @Test
    void aFullDiskFailsThePutClearlyAndLeavesNothingBehind() throws IOException {
        storage.put("data/3f/old", new byte[] {1, 2, 3});
        LocalStorage full =
                storageWith(new RecordingSync().failFileSyncWith(new IOException("No space left on device")));

        StorageFullException e = assertThrows(StorageFullException.class, () -> full.put("data/3f/new", new byte[9]));
        StorageFullException overwrite =
                assertThrows(StorageFullException.class, () -> full.put("data/3f/old", new byte[9]));

        assertTrue(
                e.getMessage().contains(root + ": cannot write object data/3f/new: the disk is full"), e.getMessage());
        assertTrue(e.getMessage().contains("free space"), e.getMessage());
        assertEquals("data/3f/new", e.objectName());
        assertEquals("data/3f/old", overwrite.objectName());
        assertFalse(storage.exists("data/3f/new"));
        assertArrayEquals(new byte[] {1, 2, 3}, storage.get("data/3f/old"));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aSpoolIsATemporaryFileUntilItIsSyncedAndRenamedIntoPlace() throws IOException {
        Path target = root.resolve("data/3f/3f2a");
        RecordingSync sync = new RecordingSync();
        LocalStorage local = storageWith(sync);
        SpooledObject spool = local.spool("data/");
        spool.write(new byte[] {1, 2, 3}, 0, 3);
        assertEquals(
                1,
                temporaryFiles().size(),
                "a killed writer leaves a temporary file, which check lists and prune removes");
        Path temp = temporaryFiles().get(0);
        assertEquals(root.resolve("data"), temp.getParent());
        sync.onFileSync(() -> assertFalse(Files.exists(target), "published before its bytes were synced"));

        spool.publish("data/3f/3f2a");

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(), temporaryFiles());
        assertEquals(
                List.of("file " + temp, "dir " + root.resolve("data"), "dir " + root.resolve("data/3f")),
                sync.events.subList(sync.events.size() - 3, sync.events.size()),
                "the bytes, the new subdirectory data/3f, then the renamed entry in it");
    }

    @Test
    void aFullDiskFailsASpooledObjectClearlyAndLeavesNothingBehind() throws IOException {
        LocalStorage full =
                storageWith(new RecordingSync().failFileSyncWith(new IOException("No space left on device")));
        SpooledObject spool = full.spool("data/");
        spool.write(new byte[9], 0, 9);

        StorageFullException e = assertThrows(StorageFullException.class, () -> spool.publish("data/3f/new"));

        assertTrue(e.getMessage().contains("data/3f/new"), e.getMessage());
        assertFalse(storage.exists("data/3f/new"));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void anExceededQuotaIsAFullStorageToo() {
        LocalStorage full = storageWith(new RecordingSync().failFileSyncWith(new IOException("Disk quota exceeded")));

        StorageFullException e = assertThrows(StorageFullException.class, () -> full.put("index/1", new byte[1]));

        assertTrue(e.getMessage().contains("quota"), e.getMessage());
        assertEquals(List.of(), temporaryFiles());
    }

    /**
     * A read-only directory must give a message naming object, repository and directory. Root bypasses permission
     * checks (CI runs as root), so there the kernel's EACCES is injected at the same step instead.
     */
    @Test
    void permissionDeniedNamesTheObjectAndThePath() throws IOException {
        storage.put("data/3f/a", new byte[1]);
        Path locked = root.resolve("data/3f");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        LocalStorage local;
        try {
            if (permissionsAreEnforced(locked)) {
                local = (LocalStorage) storage;
            } else {
                System.out.println("running as root: injecting EACCES instead of relying on directory permissions");
                local = storageWith(new RecordingSync().failFileSyncWith(new AccessDeniedException(locked.toString())));
            }
            LocalStorage writer = local;
            IOException e = assertThrows(IOException.class, () -> writer.put("data/3f/b", new byte[1]));

            assertTrue(
                    e.getMessage().startsWith(root + ": cannot write object data/3f/b: permission denied on " + locked),
                    e.getMessage());
            assertTrue(e.getMessage().contains("owner and mode"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertFalse(storage.exists("data/3f/b"));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aFileWhereADirectoryShouldBeIsReportedAsSuch() throws IOException {
        storage.put("index/1", new byte[1]);
        Files.write(root.resolve("data"), new byte[] {1}); // a stray file

        IOException e = assertThrows(IOException.class, () -> storage.put("data/3f/3f2a", new byte[1]));

        assertEquals(
                root + ": cannot write object data/3f/3f2a: " + root.resolve("data")
                        + " is a file where a directory is expected (a damaged repository or a stray file?)",
                e.getMessage());
        assertThrows(NoSuchObjectException.class, () -> storage.get("data/3f/3f2a"));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aDirectoryWhereAnObjectShouldBeFailsTheRenameAndLeavesNoTemporaryFile() throws IOException {
        storage.put("a/b", new byte[1]);

        IOException e = assertThrows(IOException.class, () -> storage.put("a", new byte[] {1, 2}));

        assertTrue(
                e.getMessage().startsWith(root + ": cannot write object a: " + root.resolve("a") + " is a directory"),
                e.getMessage());
        assertEquals(List.of(), temporaryFiles());
        assertEquals(Set.of("a/b"), names(storage.list("")));
    }

    @Test
    void aRepositoryWhoseParentIsMissingSaysSo() {
        LocalStorage unmounted = new LocalStorage(directory.resolve("mnt/backup/repo"));

        IOException e = assertThrows(IOException.class, () -> unmounted.put("config", new byte[1]));

        assertTrue(e.getMessage().contains(directory.resolve("mnt/backup") + " does not exist"), e.getMessage());
        assertFalse(Files.exists(directory.resolve("mnt")));
    }

    @Test
    void aRepositoryThatIsAFileSaysSo() throws IOException {
        Files.write(root, new byte[] {1});

        IOException e = assertThrows(IOException.class, () -> storage.put("config", new byte[1]));

        assertTrue(e.getMessage().contains(root + " is a file where a directory is expected"), e.getMessage());
    }

    @Test
    void aPublishedObjectWhoseDirectoryCannotBeSyncedIsReportedButWhole() throws IOException {
        LocalStorage local = storageWith(new RecordingSync()
                .failDirectorySyncWith(root.resolve("data/3f"), new IOException("Input/output error")));

        IOException e = assertThrows(IOException.class, () -> local.put("data/3f/b", new byte[] {4, 5}));

        assertTrue(e.getMessage().startsWith(root + ": cannot make durable object data/3f/b"), e.getMessage());
        assertTrue(e.getMessage().contains("Input/output error"), e.getMessage());
        assertArrayEquals(new byte[] {4, 5}, storage.get("data/3f/b"));
    }

    @Test
    void temporaryFilesAndStrangersAreNeverListed() throws IOException {
        storage.put("data/3f/3f2a", new byte[1]);
        Files.write(root.resolve("data/3f/.tmp-123456"), new byte[5]);
        Files.write(root.resolve("data/3f/README.TXT"), new byte[5]);

        assertEquals(List.of(new ObjectInfo("data/3f/3f2a", 1)), storage.list(""));
        assertEquals(List.of(new ObjectInfo("data/3f/3f2a", 1)), storage.list("data/3f/"));
    }

    @Test
    void anObjectInADirectoryWhereAFileStandsIsMissing() throws IOException {
        storage.put("data", new byte[1]);

        assertThrows(NoSuchObjectException.class, () -> storage.get("data/3f/3f2a"));
        assertThrows(NoSuchObjectException.class, () -> storage.size("data/3f/3f2a"));
        assertFalse(storage.exists("data/3f/3f2a"));
        assertEquals(List.of(), storage.list("data/"));
    }

    @Test
    void cleanupRemovesOnlyOldTemporaryFiles() throws IOException {
        storage.put("data/3f/3f2a", new byte[1]);
        Path oldTop = temporaryFile(root.resolve(".tmp-old"), NOW.minus(Duration.ofHours(3)));
        Path oldDeep = temporaryFile(root.resolve("data/3f/.tmp-old"), NOW.minus(Duration.ofMinutes(61)));
        Path young = temporaryFile(root.resolve("data/3f/.tmp-young"), NOW.minus(Duration.ofMinutes(59)));
        Path oldObject = root.resolve("data/3f/3f2a");
        Files.setLastModifiedTime(oldObject, FileTime.from(NOW.minus(Duration.ofDays(30))));

        int removed = storageWith(FileSync.FSYNC).cleanupTemporaryFiles(Duration.ofHours(1));

        assertEquals(2, removed);
        assertFalse(Files.exists(oldTop));
        assertFalse(Files.exists(oldDeep));
        assertTrue(Files.exists(young));
        assertTrue(Files.exists(oldObject));
        assertEquals(0, storageWith(FileSync.FSYNC).cleanupTemporaryFiles(Duration.ofHours(1)));
    }

    @Test
    void cleanupOfARepositoryNotYetCreatedRemovesNothing() throws IOException {
        assertEquals(0, ((LocalStorage) storage).cleanupTemporaryFiles(Duration.ZERO));
    }

    private static Path temporaryFile(Path file, Instant modified) throws IOException {
        Files.write(file, new byte[3]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /** Whether this process is refused a write in a read-only directory (it is not when running as root). */
    private static boolean permissionsAreEnforced(Path readOnlyDirectory) {
        Path probe = readOnlyDirectory.resolve("probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private List<Path> temporaryFiles() {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".tmp-"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int sizeOf(Path file) {
        try {
            return (int) Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
