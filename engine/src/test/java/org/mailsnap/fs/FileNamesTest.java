package org.mailsnap.fs;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.NameBytes;

/** The file-system border: names go in and come out as the very bytes, whatever the JVM's locale. */
class FileNamesTest {
    @TempDir
    Path tmp;

    @Test
    void theTestJvmHasByteAccess() {
        assertTrue(FileNames.byteAccess(), "surefire's argLine passes " + FileNames.JVM_OPTION);
        FileNames.requireByteAccess();
    }

    @Test
    void namesOfAnyBytesAreCreatedListedAndOpenedExactly() throws Exception {
        List<byte[]> names = List.of(
                hex("61"),
                hex("68c3b37374"),
                hex("68e97374"),
                hex("68e87374"),
                hex("ff"),
                hex("eda080"),
                hex("c0af"),
                hex("f09f9880"),
                hex("0a09"),
                hex("e2"));
        for (byte[] name : names) {
            Files.write(FileNames.child(tmp, NameBytes.fromBytes(name)), name);
        }
        List<String> listed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                String name = FileNames.nameOf(entry);
                listed.add(HexFormat.of().formatHex(NameBytes.toBytes(name)));
                assertArrayEquals(
                        NameBytes.toBytes(name),
                        Files.readAllBytes(FileNames.child(tmp, name)),
                        "the name made again from its string opens the same file");
            }
        }
        List<String> expected = new ArrayList<>();
        names.forEach(n -> expected.add(HexFormat.of().formatHex(n)));
        listed.sort(null);
        expected.sort(null);
        assertEquals(expected, listed);
    }

    @Test
    void childRefusesWhatIsNotOneEntry() {
        for (String bad : new String[] {"", ".", "..", "a/b", "/", "a\0b"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> FileNames.child(tmp, bad), bad);
            assertTrue(e.getMessage().startsWith("not a directory entry name"), e.getMessage());
        }
    }

    @Test
    void relativeNamesAndUserPathsKeepTheirBytes() throws Exception {
        String mailbox = "j\u00f6rg/" + NameBytes.fromBytes(hex("4d61696cff"));
        Path dir = Files.createDirectories(
                FileNames.child(FileNames.child(tmp, "j\u00f6rg"), NameBytes.fromBytes(hex("4d61696cff"))));
        assertEquals(mailbox, FileNames.relativeName(tmp, dir));
        assertEquals("", FileNames.relativeName(tmp, tmp));

        Path typed = FileNames.path(FileNames.pathName(tmp) + "//" + mailbox + "/");
        assertEquals(dir, typed, "doubled and trailing slashes dropped, bytes kept");
        assertTrue(Files.isDirectory(typed));
        assertEquals(Path.of("a/./../b"), FileNames.path("a/./../b"), "dots kept, as Path.of does");
        assertTrue(FileNames.path("/").isAbsolute());
        assertEquals("Mail\\xff", NameBytes.printable(FileNames.nameOf(dir)));
        assertTrue(FileNames.printable(dir).endsWith("/j\u00f6rg/Mail\\xff"), FileNames.printable(dir));
        assertThrows(IllegalArgumentException.class, () -> FileNames.path("a\0b"));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
