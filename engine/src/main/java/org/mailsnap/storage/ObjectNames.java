package org.mailsnap.storage;

/**
 * Validates object names, so that no name from a hostile repository can escape a storage's root, and states the
 * rules every storage applies when listing: which prefixes may be asked for, which found names are objects.
 *
 * <p>A name is 1–512 characters of segments joined by {@code /}; a segment is {@code [a-z0-9_-][a-z0-9_.-]*} (so
 * never empty, {@code .} or {@code ..}). Checked character by character rather than with a regular expression:
 * every blob a restore reads passes through here.
 */
public final class ObjectNames {
    private ObjectNames() {}

    /** Throws {@link IllegalArgumentException} naming the offending value unless {@code name} is well formed. */
    public static String check(String name) {
        if (!isObjectName(name)) {
            throw new IllegalArgumentException("bad object name: " + name);
        }
        return name;
    }

    /**
     * Throws {@link IllegalArgumentException} naming the offending value unless some valid object name could start
     * with {@code prefix} ({@code ""}, {@code "index/"}, {@code "data/3"}).
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !(prefix.isEmpty() || isObjectName(prefix + "x"))) {
            throw new IllegalArgumentException("bad object name prefix: " + prefix);
        }
        return prefix;
    }

    /**
     * Whether {@code name} is well formed; false also for what a listing skips: temporary files, and files or keys a
     * stranger left that no put can make.
     */
    public static boolean isObjectName(String name) {
        if (name == null || name.isEmpty() || name.length() > 512) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
            } else if (isNameChar(c) || (c == '.' && !segmentStart)) {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return !segmentStart;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
