package org.mailsnap.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Plain {@link Files} calls. */
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
}
