package org.mailsnap.codec;

import java.util.Arrays;

/**
 * The start of every versioned record: {@code Magic || Version(u16)} for the repository's objects, {@code
 * Version(u8)} alone for snapshot chunks. Checked in one place, so every reader refuses a foreign, truncated or newer
 * record with the same words (Lucene's {@code CodecUtil.checkHeader}).
 */
public final class Header {
    private Header() {}

    public static ByteWriter write(ByteWriter out, byte[] magic, int version) {
        return out.bytes(magic).u16(version);
    }

    /**
     * Reads and checks {@code Magic || Version(u16)}.
     *
     * @param kind what the record is, in messages: {@code "key file"} gives "not a mailsnap key file (bad magic)"
     * @return the version, within [minVersion, maxVersion]
     * @throws UnsupportedVersionException for a version outside the range
     */
    public static int check(ByteReader in, byte[] magic, String kind, int minVersion, int maxVersion)
            throws CorruptDataException {
        checkMagic(in, magic, magic.length + 2, kind);
        return checkVersion(in.resource(), kind, in.u16("version"), minVersion, maxVersion);
    }

    /**
     * Reads and checks a {@code Magic} that carries its version in itself (local files such as the unlock cache,
     * whose magic ends in its version digit).
     */
    public static void checkMagic(ByteReader in, byte[] magic, String kind) throws CorruptDataException {
        checkMagic(in, magic, magic.length, kind);
    }

    private static void checkMagic(ByteReader in, byte[] magic, int headerLength, String kind)
            throws CorruptDataException {
        if (in.remaining() < headerLength) {
            throw in.corrupt("not a mailsnap " + kind + ": " + in.remaining() + " bytes, shorter than its "
                    + headerLength + "-byte header (file truncated?)");
        }
        if (!Arrays.equals(in.bytes(magic.length, "magic"), magic)) {
            throw in.corrupt("not a mailsnap " + kind + " (bad magic)");
        }
    }

    /** Reads and checks a one-byte version (records with no magic of their own: snapshot chunks). */
    public static int checkVersionByte(ByteReader in, String kind, int minVersion, int maxVersion)
            throws CorruptDataException {
        return checkVersion(in.resource(), kind, in.u8("version"), minVersion, maxVersion);
    }

    private static int checkVersion(String resource, String kind, int found, int min, int max)
            throws UnsupportedVersionException {
        if (found < min || found > max) {
            throw new UnsupportedVersionException(resource, kind, found, min, max);
        }
        return found;
    }
}
