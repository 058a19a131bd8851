package org.mailsnap.fs;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handles never follow a link below the opened directory, and keep meaning the directory they opened. */
class DirHandleTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkWhereADirectoryShouldBeIsRefusedAndNothingIsCreatedThroughIt() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.createSymbolicLink(target.resolve("cur"), outside);
        try (DirHandle root = DirHandle.open(target)) {
            SymlinkRefusedException refused = assertThrows(SymlinkRefusedException.class, () -> root.child("cur"));
            assertEquals(target.resolve("cur") + ": is a symbolic link, not followed", refused.getMessage());
            assertThrows(SymlinkRefusedException.class, () -> root.childOrCreate("cur", d -> fail("not created")));
        }
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count());
        }
    }

    @Test
    void aFileNamePlantedAsALinkIsNeverWrittenThrough() throws IOException {
        Path outside = Files.writeString(tmp.resolve("victim"), "precious");
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.createSymbolicLink(target.resolve("msg"), outside);
        try (DirHandle root = DirHandle.open(target)) {
            assertThrows(FileAlreadyExistsException.class, () -> root.createFile("msg", 0600));
        }
        assertEquals("precious", Files.readString(outside));
    }

    @Test
    void aHandleKeepsMeaningItsDirectoryWhenTheNameIsSwappedForALink() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.createDirectory(target.resolve("tmp"));
        try (DirHandle root = DirHandle.open(target);
                DirHandle dir = root.child("tmp")) {
            Files.move(target.resolve("tmp"), target.resolve("moved"));
            Files.createSymbolicLink(target.resolve("tmp"), outside);
            try (NewFile file = dir.createFile("x", 0600);
                    FileChannel ch = file.openForWriting()) {
                ch.write(ByteBuffer.wrap("data".getBytes(StandardCharsets.UTF_8)));
            }
            Files.createLink(dir.entry("y"), dir.entry("x"));
            Files.createDirectory(dir.entry("sub"));
        }
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count());
        }
        assertEquals("data", Files.readString(target.resolve("moved/y")));
        assertTrue(Files.isDirectory(target.resolve("moved/sub"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anUnnamedFileAppearsOnlyWhenLinkedAndNeverOverAnExistingName() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("unnamed"));
        Files.writeString(target.resolve("taken"), "live");
        Files.createSymbolicLink(target.resolve("planted"), tmp.resolve("nowhere"));
        try (DirHandle root = DirHandle.open(target)) {
            NewFile file = root.createUnnamedFile(0600)
                    .orElseThrow(() -> new AssertionError("the test's file system has no O_TMPFILE"));
            try (file;
                    FileChannel ch = file.openForWriting()) {
                ch.write(ByteBuffer.wrap("whole".getBytes(StandardCharsets.US_ASCII)));
                assertEquals(
                        java.util.Set.of("taken", "planted"), names(target), "written, but no name in the directory");
                assertThrows(FileAlreadyExistsException.class, () -> file.linkAs(root, "taken"));
                assertThrows(FileAlreadyExistsException.class, () -> file.linkAs(root, "planted"));
                file.linkAs(root, "msg");
            }
            NewFile dropped = root.createUnnamedFile(0600).orElseThrow();
            dropped.close();
        }
        assertEquals("whole", Files.readString(target.resolve("msg")));
        assertEquals("live", Files.readString(target.resolve("taken")));
        assertTrue(Files.isSymbolicLink(target.resolve("planted")));
        assertFalse(Files.exists(tmp.resolve("nowhere"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(
                java.util.Set.of("taken", "planted", "msg"), names(target), "a file closed unnamed leaves nothing");
    }

    private static java.util.Set<String> names(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aNonAsciiNameReachesTheSameDirectoryAsTheJdk() throws IOException {
        String name = ".Entw\u00fcrfe";
        try (DirHandle root = DirHandle.open(tmp)) {
            try (DirHandle created = root.childOrCreate(name, d -> {})) {
                assertEquals(tmp.resolve(name).toString(), created.shown().toString());
            }
        } catch (java.nio.file.InvalidPathException notInThisLocale) {
            // a POSIX locale: the JDK cannot name it either, and neither may we (never a '?' instead)
            assertFalse(Files.exists(tmp.resolve(".Entw?rfe"), LinkOption.NOFOLLOW_LINKS));
            return;
        }
        assertTrue(Files.isDirectory(tmp.resolve(name), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRejected() throws IOException {
        try (DirHandle root = DirHandle.open(tmp)) {
            for (String bad : new String[] {"", ".", "..", "a/b"}) {
                assertThrows(IllegalArgumentException.class, () -> root.entry(bad), bad);
            }
        }
    }
}
