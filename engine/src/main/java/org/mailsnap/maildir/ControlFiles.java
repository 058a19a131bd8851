package org.mailsnap.maildir;

/**
 * What each non-message file of a Maildir is, and whether a backup keeps it (the table in maildir-facts.md).
 *
 * <p>Kept: {@code dovecot-uidlist} and {@code dovecot-keywords} (per folder), the {@code maildirfolder} marker,
 * {@code subscriptions} and the {@code dovecot-uidvalidity*} allocator (per mailbox). Skipped: Dovecot's index
 * caches (CPU-endian, rebuilt), the {@code maildirsize} quota cache (recalculated), locks and temporary files.
 * Anything else is {@link Kind#OTHER} and not part of a backup.
 */
public final class ControlFiles {
    public static final String UIDLIST = "dovecot-uidlist";
    public static final String KEYWORDS = "dovecot-keywords";
    public static final String MAILDIRFOLDER = "maildirfolder";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String UIDVALIDITY = "dovecot-uidvalidity";

    /** The kinds of control file, each with its backup decision and scope. */
    public enum Kind {
        UIDLIST(true, false),
        KEYWORDS(true, false),
        MAILDIRFOLDER_MARKER(true, false),
        SUBSCRIPTIONS(true, true),
        /** {@code dovecot-uidvalidity} and {@code dovecot-uidvalidity.<hex>}: never roll back below the live value. */
        UIDVALIDITY(true, true),
        INDEX_CACHE(false, false),
        QUOTA_CACHE(false, false),
        LOCK(false, false),
        TEMPORARY(false, false),
        OTHER(false, false);

        private final boolean keep;
        private final boolean mailboxLevel;

        Kind(boolean keep, boolean mailboxLevel) {
            this.keep = keep;
            this.mailboxLevel = mailboxLevel;
        }

        /** True when a backup must keep files of this kind. */
        public boolean keep() {
            return keep;
        }

        /** True for files that belong to the whole mailbox (they live in its root) rather than to one folder. */
        public boolean mailboxLevel() {
            return mailboxLevel;
        }
    }

    private ControlFiles() {}

    /** Classifies a file name found in a mailbox root or folder directory (not in {@code cur/}/{@code new/}). */
    public static Kind classify(String name) {
        return switch (name) {
            case UIDLIST -> Kind.UIDLIST;
            case KEYWORDS -> Kind.KEYWORDS;
            case MAILDIRFOLDER -> Kind.MAILDIRFOLDER_MARKER;
            case SUBSCRIPTIONS -> Kind.SUBSCRIPTIONS;
            case UIDVALIDITY -> Kind.UIDVALIDITY;
            case "maildirsize" -> Kind.QUOTA_CACHE;
            case "dovecot-uidlist.tmp" -> Kind.TEMPORARY;
            default -> classifyByPattern(name);
        };
    }

    private static Kind classifyByPattern(String name) {
        if (name.endsWith(".lock")) {
            return Kind.LOCK;
        }
        if (name.startsWith(".temp.") || name.endsWith(".tmp")) {
            return Kind.TEMPORARY;
        }
        if (name.startsWith(UIDVALIDITY + ".") && isHex(name.substring(UIDVALIDITY.length() + 1))) {
            return Kind.UIDVALIDITY;
        }
        if (name.startsWith("dovecot.index") || name.startsWith("dovecot.list.index")) {
            return Kind.INDEX_CACHE;
        }
        return Kind.OTHER;
    }

    private static boolean isHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
