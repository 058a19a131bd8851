package org.mailsnap.mailgen;

/**
 * Dovecot's message file names: {@code <base>[:2,<flags>]} with the base {@code <sec>.M<usec>P<pid>.<host>,S=<size>,
 * W=<CRLF size>}. The base is everything before the first {@code :}; flags follow the last {@code :2,}. Flags are
 * kept in ASCII order (system flags {@code D F P R S T}, then keyword letters {@code a}–{@code z}), as Dovecot writes
 * them.
 */
final class MaildirName {
    static final String INFO_PREFIX = ":2,";

    private MaildirName() {}

    static String base(long second, int microsecond, int pid, String host, long size, long crlfSize) {
        return second + ".M" + microsecond + "P" + pid + "." + host + ",S=" + size + ",W=" + crlfSize;
    }

    static String baseOf(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The flag letters of a {@code cur/} name, or "" when it has none or no {@code :2,} info. */
    static String flagsOf(String fileName) {
        int info = fileName.lastIndexOf(INFO_PREFIX);
        return info < 0 ? "" : fileName.substring(info + INFO_PREFIX.length());
    }

    static String withFlags(String base, String flags) {
        return base + INFO_PREFIX + sorted(flags);
    }

    static String sorted(String flags) {
        char[] letters = flags.toCharArray();
        java.util.Arrays.sort(letters);
        return new String(letters);
    }

    /** The delivery second at the start of a Dovecot-style base, or -1 for other shapes of name. */
    static long secondOf(String base) {
        long value = 0;
        int i = 0;
        for (; i < base.length() && i < 12; i++) {
            char c = base.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return i > 0 && i < base.length() && base.charAt(i) == '.' ? value : -1;
    }

    static boolean isKeywordLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
