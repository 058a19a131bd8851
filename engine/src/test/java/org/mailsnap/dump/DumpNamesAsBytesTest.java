package org.mailsnap.dump;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.ByteTrees;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.NameBytes;

/**
 * A Maildir tar of a folder whose names are not UTF-8 (nor is the folder's own name), extracted by GNU tar under the
 * POSIX locale: every name comes out as its bytes (pax {@code hdrcharset=BINARY}).
 */
class DumpNamesAsBytesTest {
    @TempDir
    Path tmp;

    @Test
    void tarCarriesNamesAsBytes() throws Exception {
        String folder = NameBytes.fromBytes(HexFormat.of().parseHex("2e417263689e76")); // ".Arch\x9ev"
        Path root = Maildirs.maildir(tmp.resolve("store/alice"));
        Path dir = Maildirs.maildir(Files.createDirectory(FileNames.child(root, folder)));
        for (String hex : new String[] {
            "313730303030303030312e4d3150312e68e97374", // ...h\xe9st
            "313730303030303030322e4d3250312e68e87374", // ...h\xe8st
            "313730303030303030332e4d3350312e68c3b37374"
        }) { // ...hóst
            String name = NameBytes.fromBytes(HexFormat.of().parseHex(hex)) + ":2,S";
            Files.write(
                    FileNames.child(FileNames.child(dir, "cur"), name),
                    ("Subject: " + hex + "\n\nbody\n").getBytes(StandardCharsets.US_ASCII));
        }
        Files.write(FileNames.child(dir, "maildirfolder"), new byte[0]);

        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult result = f.backup(tmp.resolve("store"));
            assertEquals(
                    3, result.progress().messagesRead.get(), result.problems().toString());
            Path archive = tmp.resolve("dump.tar");
            try (OutputStream out = Files.newOutputStream(archive)) {
                new FolderDump(f.repository.openBlobStore(f.catalog.blobs())::get)
                        .write(result.snapshot(), "alice", folder, DumpFormat.MAILDIR_TAR, out);
            }
            Map<String, String> expected = new TreeMap<>(NameBytes::compare);
            ByteTrees.tree(dir).forEach((k, v) -> expected.put(folder.substring(1) + "/" + k, v));
            expected.put(folder.substring(1) + "/", "dir");
            for (String locale : new String[] {"C", "C.UTF-8"}) { // cron's, and a UTF-8 one tar might convert to
                Path extracted = Files.createDirectory(tmp.resolve("x-" + locale));
                ProcessBuilder extract = new ProcessBuilder(
                                "tar", "-C", extracted.toString(), "-xf", archive.toString())
                        .redirectErrorStream(true);
                extract.environment().remove("LANG");
                extract.environment().put("LC_ALL", locale);
                Process tar = extract.start();
                String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(tar.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, tar.exitValue(), said);
                assertEquals("", said, "no warning from tar");
                assertEquals(expected, new TreeMap<>(ByteTrees.tree(extracted)), "tar extracts the very bytes");
            }
        }
    }
}
