package org.mailsnap.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.model.NameBytes;

/**
 * POSIX.1-2001 tar headers: a 512-byte ustar header per entry, preceded by a pax extended header ({@code x}) when
 * ustar cannot say it: a path longer than 100 bytes or not plain ASCII, a size of 8 GiB or more, an mtime with
 * nanoseconds or beyond 2242. The ustar fields then hold what fits (the path cut to 100 bytes), and readers take the
 * pax values. Paths are the names' bytes ({@link NameBytes#toBytes}), in the pax {@code path} record too, even where
 * they are not UTF-8: GNU tar (1.34) and libarchive keep such bytes as they are, and GNU tar warns about pax's
 * {@code hdrcharset=BINARY} on every entry ("unknown extended header keyword"), so it is not written.
 *
 * <pre>
 * ustar header (512 bytes, numbers in octal, NUL-terminated):
 *   name 100 | mode 8 | uid 8 | gid 8 | size 12 | mtime 12 | chksum 8 | typeflag 1 | linkname 100 |
 *   magic "ustar\0" | version "00" | uname 32 | gname 32 | devmajor 8 | devminor 8 | prefix 155 | pad 12
 * pax record: "&lt;length&gt; &lt;key&gt;=&lt;value&gt;\n", length in decimal counting the whole record
 * </pre>
 */
final class TarHeader {
    static final int BLOCK = 512;
    static final char FILE = '0';
    static final char DIRECTORY = '5';
    private static final char PAX = 'x';
    private static final long MAX_OCTAL_11 = 077777777777L;
    /** The name of a pax header entry itself; readers apply its records to the next entry and ignore the name. */
    private static final byte[] PAX_NAME = "PaxHeaders/entry".getBytes(StandardCharsets.US_ASCII);

    private TarHeader() {}

    /** Writes the header(s) of one entry; the caller writes {@code size} bytes and {@link #pad}s. */
    static void write(OutputStream out, String path, char type, int mode, long size, long mtimeNanos)
            throws IOException {
        byte[] name = NameBytes.toBytes(path);
        long seconds = Math.floorDiv(mtimeNanos, 1_000_000_000L);
        long nanos = Math.floorMod(mtimeNanos, 1_000_000_000L);
        Map<String, byte[]> pax = new LinkedHashMap<>();
        if (name.length > 100 || !isAscii(name)) {
            pax.put("path", name);
        }
        if (size > MAX_OCTAL_11) {
            pax.put("size", ascii(Long.toString(size)));
        }
        boolean secondsFit = seconds >= 0 && seconds <= MAX_OCTAL_11;
        if (mtimeNanos >= 0 && (nanos != 0 || !secondsFit)) {
            pax.put("mtime", ascii(seconds + "." + String.format("%09d", nanos)));
        }
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            out.write(ustar(PAX_NAME, PAX, 0600, records.length, secondsFit ? seconds : 0));
            out.write(records);
            pad(out, records.length);
        }
        out.write(ustar(name, type, mode, size > MAX_OCTAL_11 ? 0 : size, secondsFit ? seconds : 0));
    }

    /** Zero bytes up to the next block boundary after {@code length} bytes of content. */
    static void pad(OutputStream out, long length) throws IOException {
        int rest = (int) (length % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /** The end of the archive: two zero blocks. */
    static void end(OutputStream out) throws IOException {
        out.write(new byte[2 * BLOCK]);
    }

    private static byte[] ustar(byte[] name, char type, int mode, long size, long mtimeSeconds) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, Math.min(name.length, 100));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtimeSeconds);
        h[156] = (byte) type;
        byte[] magic = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
        System.arraycopy(magic, 0, h, 257, magic.length);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    /** {@code width - 1} octal digits and a NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        int pad = width - 1 - digits.length();
        if (pad < 0) {
            throw new IllegalArgumentException("value " + value + " does not fit " + (width - 1) + " octal digits");
        }
        Arrays.fill(h, offset, offset + pad, (byte) '0');
        System.arraycopy(ascii(digits), 0, h, offset + pad, digits.length());
        h[offset + width - 1] = 0;
    }

    private static byte[] paxRecords(Map<String, byte[]> values) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            int body = 1 + e.getKey().length() + 1 + e.getValue().length + 1;
            int length = body + Integer.toString(body).length();
            if (Integer.toString(length).length() != Integer.toString(body).length()) {
                length = body + Integer.toString(length).length();
            }
            all.writeBytes(ascii(length + " " + e.getKey() + "="));
            all.writeBytes(e.getValue());
            all.write('\n');
        }
        return all.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
