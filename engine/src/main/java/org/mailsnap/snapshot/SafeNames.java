package org.mailsnap.snapshot;

import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.NameBytes;
import org.mailsnap.repository.CorruptObjectException;

/**
 * Checks names read from a repository before anything uses them as paths, so a hostile repository cannot make a
 * restore write outside its target.
 */
public final class SafeNames {
    private SafeNames() {}

    /** A file name inside one directory: non-empty, no {@code /}, no NUL, not {@code .} or {@code ..}. */
    public static String fileName(String name, String what) throws CorruptDataException {
        if (!NameBytes.isEntryName(name) || name.length() > 1024) {
            throw new CorruptObjectException(what + " name " + printable(name), "unsafe, rejected");
        }
        return name;
    }

    /**
     * A relative path of {@code /}-separated safe segments, or the empty string (the root itself). No absolute path,
     * no {@code .}/{@code ..} segment, no empty segment.
     */
    public static String relativePath(String path, String what) throws CorruptDataException {
        if (path.isEmpty()) {
            return path;
        }
        if (path.startsWith("/") || path.endsWith("/") || path.length() > 4096) {
            throw new CorruptObjectException(what + " path " + printable(path), "unsafe, rejected");
        }
        for (String segment : path.split("/", -1)) {
            fileName(segment, what);
        }
        return path;
    }

    static String printable(String s) {
        return '"' + NameBytes.printable(s) + '"';
    }
}
