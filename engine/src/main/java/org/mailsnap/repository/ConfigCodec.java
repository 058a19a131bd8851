package org.mailsnap.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.crypto.SubKeys;

/**
 * Encodes and parses {@code config}: {@code Magic || Version || Flags || RepositoryId || Created || ChunkerMin ||
 * ChunkerAvg || ChunkerMax || Mac}. Parsing checks the version before anything else; the MAC is checked separately,
 * once the master key is known.
 */
final class ConfigCodec {
    static final String NAME = "config";
    static final byte[] MAGIC = "MSNAPCFG".getBytes(StandardCharsets.US_ASCII);
    static final int MAC_OFFSET = 48;
    static final int LENGTH = 80;
    static final int REPOSITORY_ID_LENGTH = 16;

    private ConfigCodec() {}

    static byte[] encode(RepositoryConfig config, SubKeys keys) {
        ByteWriter out = new ByteWriter(LENGTH)
                .bytes(MAGIC)
                .u16(config.version())
                .u16(0)
                .bytes(Hex.FORMAT.parseHex(config.repositoryId()))
                .u64(config.created().toEpochMilli())
                .u32(config.chunker().min())
                .u32(config.chunker().average())
                .u32(config.chunker().max());
        out.bytes(keys.configMac(out.array(), MAC_OFFSET));
        return out.toByteArray();
    }

    /** Parses without checking the MAC (no key is known yet); rejects versions outside the supported range first. */
    static RepositoryConfig parse(byte[] data, String location) throws RepositoryException {
        String object = NAME;
        if (data.length < 10 || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptObjectException(object, "not a mailsnap repository config (bad magic)");
        }
        ByteReader in = new ByteReader(data, object);
        in.bytes(MAGIC.length, "magic");
        int version = in.u16("version");
        if (version < RepositoryConfig.MIN_VERSION || version > RepositoryConfig.MAX_VERSION) {
            throw new UnsupportedVersionException(location, version, RepositoryConfig.MIN_VERSION,
                    RepositoryConfig.MAX_VERSION);
        }
        if (data.length != LENGTH) {
            throw new CorruptObjectException(object, "length " + data.length + ", expected " + LENGTH);
        }
        int flags = in.u16("flags");
        if (flags != 0) {
            throw new CorruptObjectException(object, "unknown flags " + flags);
        }
        String repositoryId = Hex.of(in.bytes(REPOSITORY_ID_LENGTH, "repository id"));
        Instant created = Instant.ofEpochMilli(in.u64("created"));
        long min = in.u32("chunker min");
        long avg = in.u32("chunker avg");
        long max = in.u32("chunker max");
        String problem = ChunkerParams.problem(min, avg, max);
        if (problem != null) {
            throw new CorruptObjectException(object, problem);
        }
        return new RepositoryConfig(version, repositoryId, created,
                new ChunkerParams((int) min, (int) avg, (int) max));
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
