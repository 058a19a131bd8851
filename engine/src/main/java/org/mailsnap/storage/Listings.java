package org.mailsnap.storage;

/** Rules every storage applies when listing: which prefixes may be asked for, which found names are objects. */
public final class Listings {
    private Listings() {}

    /**
     * Throws {@link IllegalArgumentException} naming the offending value unless some valid object name could start
     * with {@code prefix} ({@code ""}, {@code "index/"}, {@code "data/3"}).
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("bad object name prefix: null");
        }
        if (!prefix.isEmpty()) {
            try {
                ObjectNames.check(prefix + "x");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad object name prefix: " + prefix, e);
            }
        }
        return prefix;
    }

    /** False for what a listing skips: temporary files, and files or keys a stranger left that no put can make. */
    public static boolean isObjectName(String name) {
        try {
            ObjectNames.check(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
