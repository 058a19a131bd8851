package org.mailsnap.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.mailsnap.fs.ReadAhead;

/** Plain {@link Files} calls, and the kernel's read-ahead for a hint. */
final class RealMessageFiles implements MessageFiles {
    static final RealMessageFiles INSTANCE = new RealMessageFiles();

    private RealMessageFiles() {}

    @Override
    public InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public BasicFileAttributes stat(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void readSoon(Path file, long bytes) {
        ReadAhead.hint(file, bytes);
    }
}
