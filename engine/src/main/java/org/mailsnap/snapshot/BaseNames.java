package org.mailsnap.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A message's base: its file name up to the first separator (Dovecot: {@code :}; some sites {@code ;} or {@code !}).
 * {@link #ORDER} sorts bases by their UTF-8 bytes, the order of manifests and of the catalog's keys.
 */
public record BaseNames(char separator) {
    public static final BaseNames DOVECOT = new BaseNames(':');

    public static final Comparator<String> ORDER = BaseNames::compareUtf8;

    /**
     * Compares as the UTF-8 encodings would, without encoding: UTF-16 order agrees with UTF-8 byte order except
     * where a surrogate meets a character at or above U+E000, which the slow path handles.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x < 0xD800 && y < 0xD800) {
                    return x - y;
                }
                return Arrays.compareUnsigned(a.substring(i).getBytes(StandardCharsets.UTF_8),
                        b.substring(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return a.length() - b.length();
    }

    public String baseOf(String fileName) {
        int i = fileName.indexOf(separator);
        return i < 0 ? fileName : fileName.substring(0, i);
    }
}
