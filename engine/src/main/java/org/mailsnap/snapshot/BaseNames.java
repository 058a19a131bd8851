package org.mailsnap.snapshot;

import java.util.Comparator;

/**
 * A message's base: its file name up to the first separator (Dovecot: {@code :}; some sites {@code ;} or {@code !}).
 * {@link #ORDER} sorts bases by their UTF-8 bytes, the order of manifests and of the catalog's keys.
 */
public record BaseNames(char separator) {
    public static final BaseNames DOVECOT = new BaseNames(':');

    public static final Comparator<String> ORDER = BaseNames::compareUtf8;

    /**
     * Compares as the UTF-8 encodings would, without encoding: UTF-8 byte order is code point order, which differs
     * from {@code String.compareTo} only where a surrogate meets a character in U+E000–U+FFFF; moving the surrogates
     * above that range fixes it.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointOrder(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    public String baseOf(String fileName) {
        int i = fileName.indexOf(separator);
        return i < 0 ? fileName : fileName.substring(0, i);
    }
}
