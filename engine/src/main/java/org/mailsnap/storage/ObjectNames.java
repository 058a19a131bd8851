package org.mailsnap.storage;

import java.util.regex.Pattern;

/** Validates object names, so that no name from a hostile repository can escape a storage's root. */
public final class ObjectNames {
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_\\-][a-z0-9_.\\-]*");

    private ObjectNames() {}

    /** Throws {@link IllegalArgumentException} naming the offending value unless {@code name} is well formed. */
    public static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > 512) {
            throw new IllegalArgumentException("bad object name: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                throw new IllegalArgumentException("bad object name: " + name);
            }
        }
        return name;
    }
}
