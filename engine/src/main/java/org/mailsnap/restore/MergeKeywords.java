package org.mailsnap.restore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.walk.CapturedKeywords;

/** The two keyword files a merge translates between: the snapshot folder's as captured, the live folder's now. */
final class MergeKeywords {
    private MergeKeywords() {}

    static KeywordTranslation translation(
            FolderEntry folder, DirHandle liveFolder, BlobSource blobs, char separator, RestoreTally report)
            throws IOException {
        return new KeywordTranslation(
                folder.key().toString(), separator, snapshot(folder, blobs, report), live(liveFolder));
    }

    /** The snapshot's keywords; damage costs the keyword letters of the folder's messages, not the restore. */
    private static Keywords snapshot(FolderEntry folder, BlobSource blobs, RestoreTally report) throws IOException {
        try {
            return CapturedKeywords.of(folder, blobs);
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException damaged) {
            report.failure(folder.key() + ": the snapshot's " + ControlFiles.KEYWORDS + " cannot be read ("
                    + damaged.getMessage() + "); keyword letters of its messages are dropped");
            return null;
        }
    }

    /** The live folder's keywords as they are now; Dovecot may add some later, never renumber them. */
    private static Keywords live(DirHandle dir) throws IOException {
        Path file = dir.entry(ControlFiles.KEYWORDS);
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isRegularFile()) {
                return null;
            }
            try (SeekableByteChannel ch =
                    Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Channels.newInputStream(ch).transferTo(bytes);
                return Keywords.parse(bytes.toByteArray());
            }
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}
