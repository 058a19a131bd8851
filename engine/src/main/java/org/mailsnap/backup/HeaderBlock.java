package org.mailsnap.backup;

/** Finds where an RFC 5322 header block ends: after the first empty line, in LF or CRLF files. */
final class HeaderBlock {
    private HeaderBlock() {}

    /**
     * The length of the header block including the empty line that ends it, or -1 if {@code data[0, length)}
     * holds no empty line. A message that starts with an empty line has a header block of that line alone.
     */
    static int length(byte[] data, int length) {
        if (length > 0 && data[0] == '\n') {
            return 1;
        }
        if (length > 1 && data[0] == '\r' && data[1] == '\n') {
            return 2;
        }
        for (int i = 0; i + 1 < length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (data[i + 1] == '\n') {
                return i + 2;
            }
            if (data[i + 1] == '\r' && i + 2 < length && data[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}
