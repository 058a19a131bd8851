package org.mailsnap.fs;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restore does to a file it created, done on the file's own descriptor: content, mtime, owner, sync. */
class NewFileTest {
    @TempDir
    Path tmp;

    @Test
    void slicesOfAnArrayAreWrittenInOrderFromTheirOffsets() throws IOException {
        long seed = System.nanoTime();
        System.out.println("NewFileTest seed " + seed);
        byte[] source = new byte[3 << 20];
        new SplittableRandom(seed).nextBytes(source);
        int[] cuts = {0, 1, 17, 65_536, 65_537, 1 << 20, 3 << 20};
        try (DirHandle dir = DirHandle.open(tmp);
                NewFile file = dir.createFile("msg", 0600)) {
            for (int i = 0; i + 1 < cuts.length; i++) {
                file.write(source, cuts[i], cuts[i + 1] - cuts[i]);
            }
            file.write(source, 5, 0);
            file.force();
        }
        assertArrayEquals(source, Files.readAllBytes(tmp.resolve("msg")));
    }

    @Test
    void theModificationTimeIsSetToTheNanosecondAndTheAccessTimeIsLeft() throws IOException {
        long mtimeNanos = 1_234_567_890_123_456_789L;
        try (DirHandle dir = DirHandle.open(tmp);
                NewFile file = dir.createFile("msg", 0600)) {
            file.write(new byte[] {'x'}, 0, 1);
            FileTime accessedBefore = accessTime(tmp.resolve("msg"));
            file.setModified(mtimeNanos);
            assertEquals(accessedBefore, accessTime(tmp.resolve("msg")));
        }
        assertEquals(
                Instant.EPOCH.plusNanos(mtimeNanos),
                Files.getLastModifiedTime(tmp.resolve("msg")).toInstant());
    }

    @Test
    void aTimeBeforeTheEpochKeepsItsSecondsAndNanoseconds() throws IOException {
        long mtimeNanos = -1_500_000_001L; // 1969-12-31T23:59:58.499999999Z
        try (DirHandle dir = DirHandle.open(tmp);
                NewFile file = dir.createFile("old", 0600)) {
            file.setModified(mtimeNanos);
        }
        assertEquals(
                Instant.EPOCH.plusNanos(mtimeNanos),
                Files.getLastModifiedTime(tmp.resolve("old")).toInstant());
    }

    @Test
    void theOwnerIsSetThroughTheDescriptor() throws IOException {
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        int uid = root ? 4242 : (Integer) Files.getAttribute(tmp, "unix:uid");
        int gid = root ? 4343 : (Integer) Files.getAttribute(tmp, "unix:gid");
        try (DirHandle dir = DirHandle.open(tmp);
                NewFile file = dir.createFile("owned", 0600)) {
            file.setOwner(uid, gid);
        }
        assertEquals(uid, Files.getAttribute(tmp.resolve("owned"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(gid, Files.getAttribute(tmp.resolve("owned"), "unix:gid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aClosedFileRefusesEveryCall() throws IOException {
        NewFile file;
        try (DirHandle dir = DirHandle.open(tmp)) {
            file = dir.createFile("closed", 0600);
        }
        file.close();
        byte[] bytes = "late".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> file.write(bytes, 0, bytes.length));
        assertThrows(IllegalStateException.class, () -> file.setModified(0));
        assertThrows(IllegalStateException.class, file::force);
        assertEquals(0, Files.size(tmp.resolve("closed")));
    }

    private static FileTime accessTime(Path file) throws IOException {
        return (FileTime) Files.getAttribute(file, "lastAccessTime", LinkOption.NOFOLLOW_LINKS);
    }
}
