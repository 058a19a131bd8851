package org.mailsnap.model;

import java.nio.charset.StandardCharsets;

/**
 * File names are byte strings (POSIX says so, and Maildir writers such as mbsync, procmail or a Windows-side sync
 * tool do produce names that are not UTF-8); the engine carries them as Java strings that map back to the very same
 * bytes. The mapping is UTF-8 where the bytes are valid UTF-8, and every byte of an invalid sequence becomes one
 * escape character {@code U+DC00 + byte} (a lone low surrogate in {@code U+DC80..U+DCFF}, which no valid UTF-8
 * decodes to), the scheme Python calls {@code surrogateescape}. So:
 *
 * <ul>
 *   <li>{@code toBytes(fromBytes(b))} equals {@code b} for every byte array {@code b};</li>
 *   <li>a name that is valid UTF-8 is the ordinary Java string of its text (old repositories, the common case);</li>
 *   <li>two names that differ in any byte are different strings (nothing collapses into U+FFFD).</li>
 * </ul>
 *
 * <p>Every place that turns a name into bytes (the repository's formats, the catalog's keys, the record cut hash, the
 * file system) goes through {@link #toBytes}, and every place that reads one through {@link #fromBytes}; a name is
 * shown to a person through {@link #printable}.
 */
public final class NameBytes {
    private static final char ESCAPE_BASE = 0xDC00;

    private NameBytes() {}

    /** The string for {@code length} bytes of a name starting at {@code offset}; never fails. */
    public static String fromBytes(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // ASCII: most Maildir names
        }
        StringBuilder sb = new StringBuilder(length);
        for (int k = offset; k < i; k++) {
            sb.append((char) bytes[k]);
        }
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int n = sequenceLength(bytes, i, end);
            if (n == 0) {
                sb.append((char) (ESCAPE_BASE + b));
                i++;
            } else {
                sb.append(new String(bytes, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    public static String fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0, bytes.length);
    }

    /** The bytes of a name made by {@link #fromBytes} (or of any string without unpaired surrogates). */
    public static byte[] toBytes(String name) {
        int length = name.length();
        int i = 0;
        while (i < length && name.charAt(i) < 0x80) {
            i++;
        }
        if (i == length) {
            return name.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!hasEscapes(name)) {
            checkPaired(name);
            return name.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(length + 8);
        int runStart = 0;
        for (int k = 0; k < length; k++) {
            char c = name.charAt(k);
            if (isEscapeAt(name, k)) {
                byte[] run = name.substring(runStart, k).getBytes(StandardCharsets.UTF_8);
                checkPaired(name.substring(runStart, k));
                out.write(run, 0, run.length);
                out.write(c - ESCAPE_BASE);
                runStart = k + 1;
            }
        }
        String tail = name.substring(runStart);
        checkPaired(tail);
        byte[] run = tail.getBytes(StandardCharsets.UTF_8);
        out.write(run, 0, run.length);
        return out.toByteArray();
    }

    /** True when the name holds bytes that are not UTF-8 text. */
    public static boolean hasEscapes(String name) {
        for (int k = 0; k < name.length(); k++) {
            if (isEscapeAt(name, k)) {
                return true;
            }
        }
        return false;
    }

    /** The name for a person: escaped bytes as {@code \xNN}, control characters too; the rest as text. */
    public static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (isEscapeAt(name, k)) {
                sb.append(String.format("\\x%02x", c - ESCAPE_BASE));
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Compares two names by their bytes, unsigned, as the formats order them. Equal to comparing
     * {@code toBytes(a)} with {@code toBytes(b)}, without building either for the common all-ASCII prefix.
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (x < 0x80 && y < 0x80) {
                    return x - y;
                }
                break;
            }
            if (x >= 0x80) {
                break;
            }
            k++;
        }
        if (k == n && a.length() == b.length()) {
            return 0;
        }
        if (k == n) {
            return a.length() - b.length(); // one is an ASCII prefix of the other
        }
        return java.util.Arrays.compareUnsigned(toBytes(a.substring(k)), toBytes(b.substring(k)));
    }

    /**
     * True when the char at {@code k} stands for one byte: in U+DC80..U+DCFF and not the second half of a surrogate
     * pair (U+1F4E7, bytes F0 9F 93 A7, is the pair D83D DCE7: text, not an escape).
     */
    public static boolean isEscapeAt(CharSequence name, int k) {
        return isEscape(name.charAt(k)) && (k == 0 || !Character.isHighSurrogate(name.charAt(k - 1)));
    }

    private static boolean isEscape(char c) {
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff;
    }

    private static void checkPaired(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < text.length() && Character.isLowSurrogate(text.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("name holds an unpaired surrogate U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at " + k + ": "
                        + printable(text));
            }
        }
    }

    /** The length of the valid UTF-8 sequence starting at {@code i} (a non-ASCII lead byte), or 0 if invalid. */
    private static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xff;
        int n;
        int min;
        if (lead >= 0xc2 && lead <= 0xdf) {
            n = 2;
            min = 0x80;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            n = 3;
            min = 0x800;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int cp = lead & (0x7f >> n);
        for (int k = 1; k < n; k++) {
            int c = b[i + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0; // overlong, beyond Unicode, or an encoded surrogate: not valid UTF-8
        }
        return n;
    }

    /**
     * True for one name within a directory: not empty, not {@code .} or {@code ..}, without {@code /} or NUL. What
     * every name the engine reads from a repository or joins to a directory must be, so that it cannot leave it.
     */
    public static boolean isEntryName(String name) {
        return !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }
}
