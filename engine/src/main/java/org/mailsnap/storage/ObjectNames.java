package org.mailsnap.storage;

/**
 * Validates object names, so that no name from a hostile repository can escape a storage's root.
 *
 * <p>A name is 1–512 characters of segments joined by {@code /}; a segment is {@code [a-z0-9_-][a-z0-9_.-]*} (so
 * never empty, {@code .} or {@code ..}). Checked character by character rather than with a regular expression:
 * every blob a restore reads passes through here.
 */
public final class ObjectNames {
    private ObjectNames() {}

    /** Throws {@link IllegalArgumentException} naming the offending value unless {@code name} is well formed. */
    public static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > 512) {
            throw new IllegalArgumentException("bad object name: " + name);
        }
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/') {
                if (segmentStart) {
                    throw new IllegalArgumentException("bad object name: " + name);
                }
                segmentStart = true;
            } else if (isNameChar(c) || (c == '.' && !segmentStart)) {
                segmentStart = false;
            } else {
                throw new IllegalArgumentException("bad object name: " + name);
            }
        }
        if (segmentStart) {
            throw new IllegalArgumentException("bad object name: " + name);
        }
        return name;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
