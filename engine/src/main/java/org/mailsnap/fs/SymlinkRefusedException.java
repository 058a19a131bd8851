package org.mailsnap.fs;

import java.nio.file.FileSystemException;

/** A symbolic link stood where a directory or file was to be opened or created; it was not followed. */
public final class SymlinkRefusedException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public SymlinkRefusedException(String path) {
        super(path, null, "is a symbolic link, not followed");
    }
}
