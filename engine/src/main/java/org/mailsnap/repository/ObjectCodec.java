package org.mailsnap.repository;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.compress.Compression;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.ObjectId;

/**
 * The encrypted-object container: {@code Magic || Version || Kind || Flags || RawLength || Salt || Ciphertext},
 * the ciphertext under {@code objectKey(kind, Salt)} with a zero nonce and the 48-byte prefix as AAD.
 */
final class ObjectCodec {
    static final int VERSION = 1;
    static final int PREFIX_LENGTH = 48;
    static final int SALT_LENGTH = 32;
    static final int FLAG_COMPRESSED = 1;
    static final int MAX_RAW_LENGTH = 256 * 1024 * 1024;

    private ObjectCodec() {}

    static byte[] encode(ObjectKind kind, byte[] payload, SubKeys keys, Random random, int compressionLevel) {
        if (payload.length > MAX_RAW_LENGTH) {
            throw new IllegalArgumentException(
                    kind.keyName() + " object of " + payload.length + " bytes exceeds " + MAX_RAW_LENGTH);
        }
        byte[] compressed = Compression.compressIfSmaller(payload, compressionLevel);
        byte[] stored = compressed != null ? compressed : payload;
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        ByteWriter out = Header.write(
                        new ByteWriter(PREFIX_LENGTH + stored.length + Aead.TAG_LENGTH), Magic.OBJECT, VERSION)
                .u8(kind.code())
                .u8(compressed != null ? FLAG_COMPRESSED : 0)
                .u32(payload.length)
                .bytes(salt);
        byte[] prefix = out.toByteArray();
        return out.bytes(Aead.seal(keys.objectKey(kind.keyName(), salt), Aead.objectNonce(), prefix, stored))
                .toByteArray();
    }

    /** The payload of an object read from {@code kind}'s directory under {@code id}; checks everything. */
    static byte[] decode(ObjectKind kind, ObjectId id, byte[] data, SubKeys keys) throws CorruptDataException {
        String object = kind.describe(id);
        ByteReader in = new ByteReader(data, object, CorruptObjectException::new);
        Header.check(in, Magic.OBJECT, "object", VERSION, VERSION);
        int kindCode = in.u8("kind");
        if (kindCode != kind.code()) {
            throw in.corrupt(
                    "kind " + kindCode + " found in the " + kind.directory() + " directory, expected " + kind.code());
        }
        int flags = in.u8("flags");
        if ((flags & ~FLAG_COMPRESSED) != 0) {
            throw in.corrupt("unknown flags " + flags);
        }
        int rawLength = in.u32AtMost(MAX_RAW_LENGTH, "raw length");
        byte[] salt = in.bytes(SALT_LENGTH, "salt");
        boolean compressed = (flags & FLAG_COMPRESSED) != 0;
        in.check(PackEntry.lengthProblem(compressed, in.remaining(), rawLength));
        byte[] stored;
        try {
            stored = Aead.open(
                    keys.objectKey(kind.keyName(), salt),
                    Aead.objectNonce(),
                    Arrays.copyOf(data, PREFIX_LENGTH),
                    data,
                    PREFIX_LENGTH,
                    data.length - PREFIX_LENGTH);
        } catch (AEADBadTagException e) {
            throw new CorruptObjectException(object, "MAC mismatch (corrupted or wrong key?)");
        }
        return compressed ? PackEntry.decompress(stored, rawLength, () -> object) : stored;
    }
}
