package org.mailsnap.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.mailsnap.fs.FileNames;

/**
 * The one way the engine opens or stats a message file, so a test can count (and a run can prove) that known
 * messages were never touched.
 */
public interface MessageFiles {

    /** Opens a message file for reading. */
    InputStream open(Path file) throws IOException;

    /** A message file's attributes, without following a symbolic link. */
    BasicFileAttributes stat(Path file) throws IOException;

    /**
     * Hints that the first {@code bytes} of a message file will be read soon, so that the disk can start on them;
     * never fails, reads nothing and changes nothing. None by default.
     */
    default void readSoon(Path file, long bytes) {}

    /** The real file system. */
    static MessageFiles real() {
        return RealMessageFiles.INSTANCE;
    }

    /**
     * Finds a message again after its file name vanished (its flags changed, or it moved from {@code new/} to
     * {@code cur/}): lists {@code new/} then {@code cur/} of {@code folderDir} and returns the file with this base.
     * Listing opens no message file.
     *
     * @return the file, or empty when no file of the folder has that base (it was expunged)
     */
    static Optional<Path> find(Path folderDir, String base, char separator) throws IOException {
        for (String sub : new String[] {"new", "cur"}) {
            try (DirectoryStream<Path> names = Files.newDirectoryStream(FileNames.child(folderDir, sub))) {
                for (Path file : names) {
                    String name = FileNames.nameOf(file);
                    if (MaildirName.isMessageName(name)
                            && name.startsWith(base)
                            && MaildirName.parse(name, separator).base().equals(base)) {
                        return Optional.of(file);
                    }
                }
            } catch (NoSuchFileException folderGone) {
                // a vanished folder holds nothing: keep looking in the other directory, then give up
            }
        }
        return Optional.empty();
    }
}
