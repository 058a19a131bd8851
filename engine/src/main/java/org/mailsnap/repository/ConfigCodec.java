package org.mailsnap.repository;

import java.time.Instant;
import java.util.Arrays;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.SubKeys;

/**
 * Encodes and parses {@code config}: {@code Magic || Version || Flags || RepositoryId || Created || ChunkerMin ||
 * ChunkerAvg || ChunkerMax || Mac}. Parsing checks the version before anything else; the MAC is checked separately,
 * once the master key is known.
 */
final class ConfigCodec {
    static final String NAME = "config";
    static final int MAC_OFFSET = 48;
    static final int LENGTH = 80;
    static final int REPOSITORY_ID_LENGTH = 16;

    private ConfigCodec() {}

    static byte[] encode(RepositoryConfig config, SubKeys keys) {
        ByteWriter out = Header.write(new ByteWriter(LENGTH), Magic.CONFIG, config.version())
                .u16(0)
                .bytes(Hex.FORMAT.parseHex(config.repositoryId()))
                .u64(config.created().toEpochMilli())
                .u32(config.chunker().min())
                .u32(config.chunker().average())
                .u32(config.chunker().max());
        out.bytes(keys.configMac(out.array(), MAC_OFFSET));
        return out.toByteArray();
    }

    /**
     * Parses without checking the MAC (no key is known yet); rejects versions outside the supported range first.
     *
     * @throws org.mailsnap.codec.UnsupportedVersionException naming {@code location}, for a version out of range
     */
    static RepositoryConfig parse(byte[] data, String location) throws CorruptDataException {
        ByteReader in = new ByteReader(data, NAME + " of " + location, CorruptObjectException::new);
        int version = Header.check(
                in, Magic.CONFIG, "repository config", RepositoryConfig.MIN_VERSION, RepositoryConfig.MAX_VERSION);
        if (data.length != LENGTH) {
            throw in.corrupt("length " + data.length + ", expected " + LENGTH);
        }
        int flags = in.u16("flags");
        if (flags != 0) {
            throw in.corrupt("unknown flags " + flags);
        }
        String repositoryId = Hex.of(in.bytes(REPOSITORY_ID_LENGTH, "repository id"));
        Instant created = Instant.ofEpochMilli(in.u64("created"));
        long min = in.u32("chunker min");
        long avg = in.u32("chunker avg");
        long max = in.u32("chunker max");
        in.check(ChunkerParams.problem(min, avg, max));
        return new RepositoryConfig(version, repositoryId, created, new ChunkerParams((int) min, (int) avg, (int) max));
    }

    /** Checks the MAC under the unlocked keys. */
    static void verifyMac(byte[] data, SubKeys keys) throws CorruptObjectException {
        byte[] expected = keys.configMac(data, MAC_OFFSET);
        byte[] found = Arrays.copyOfRange(data, MAC_OFFSET, LENGTH);
        if (!SubKeys.macEquals(expected, found)) {
            throw new CorruptObjectException(NAME, "MAC mismatch (corrupted or tampered with)");
        }
    }
}
