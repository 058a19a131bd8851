package org.mailsnap.repository;

import java.util.function.Supplier;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.compress.Compression;
import org.mailsnap.compress.DecompressionException;
import org.mailsnap.crypto.Aead;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/**
 * One blob as a pack header (and an index file) lists it: {@code Type || Flags || Id || Offset || Length ||
 * RawLength}, 50 bytes.
 *
 * @param length    ciphertext length including the tag
 * @param rawLength plaintext length
 */
record PackEntry(BlobType type, boolean compressed, BlobId id, long offset, int length, int rawLength) {
    static final int ENCODED_LENGTH = 50;
    static final int FLAG_COMPRESSED = 1;
    /** Largest blob, raw or stored. */
    static final int MAX_BLOB = 64 * 1024 * 1024;

    void writeTo(ByteWriter out) {
        out.u8(type.code())
                .u8(compressed ? FLAG_COMPRESSED : 0)
                .blobId(id)
                .u64(offset)
                .u32(length)
                .u32(rawLength);
    }

    /** Reads one entry and enforces the per-entry rules of format-spec/objects.md. */
    static PackEntry read(ByteReader in) throws CorruptDataException {
        int typeCode = in.u8("blob type");
        if (typeCode > 1) {
            throw in.corrupt("unknown blob type " + typeCode);
        }
        int flags = in.u8("blob flags");
        if ((flags & ~FLAG_COMPRESSED) != 0) {
            throw in.corrupt("unknown blob flags " + flags);
        }
        BlobId id = in.blobId("blob id");
        long offset = in.u64("blob offset");
        int length = in.u32AtMost(MAX_BLOB + Aead.TAG_LENGTH, "blob length");
        int rawLength = in.u32AtMost(MAX_BLOB, "blob raw length");
        boolean compressed = (flags & FLAG_COMPRESSED) != 0;
        String problem = lengthProblem(compressed, length, rawLength);
        if (problem != null) {
            throw in.corrupt("blob " + id.shortHex() + "…: " + problem);
        }
        if (offset < 0) {
            throw in.corrupt("blob " + id.shortHex() + "…: offset out of range");
        }
        return new PackEntry(BlobType.ofCode(typeCode), compressed, id, offset, length, rawLength);
    }

    /** A blob is stored compressed exactly when that is strictly shorter; the flag must agree with the lengths. */
    static String lengthProblem(boolean compressed, int length, int rawLength) {
        if (length < Aead.TAG_LENGTH) {
            return "length " + length + " is shorter than the tag";
        }
        int stored = length - Aead.TAG_LENGTH;
        if (compressed ? stored >= rawLength : stored != rawLength) {
            return (compressed ? "compressed" : "uncompressed") + " flag disagrees with stored length " + stored
                    + " and raw length " + rawLength;
        }
        return null;
    }

    /** {@code stored} decompressed to {@code rawLength} bytes; {@code object} names the damage, built only for it. */
    static byte[] decompress(byte[] stored, int rawLength, Supplier<String> object) throws CorruptObjectException {
        try {
            return Compression.decompress(stored, rawLength);
        } catch (DecompressionException e) {
            throw undecompressable(object, e);
        }
    }

    /** {@code stored[0, storedLength)} decompressed into {@code raw[0, rawLength)}, as {@link #decompress} checks. */
    static void decompressInto(byte[] stored, int storedLength, byte[] raw, int rawLength, Supplier<String> object)
            throws CorruptObjectException {
        try {
            Compression.decompressInto(stored, 0, storedLength, raw, rawLength);
        } catch (DecompressionException e) {
            throw undecompressable(object, e);
        }
    }

    private static CorruptObjectException undecompressable(Supplier<String> object, DecompressionException e) {
        return new CorruptObjectException(object.get(), "does not decompress: " + e.getMessage());
    }

    static boolean isCompressed(BlobLocation location) {
        return location.length() - Aead.TAG_LENGTH < location.rawLength();
    }

    BlobLocation location(PackId packId, int position) {
        return new BlobLocation(packId, type, offset, length, rawLength, position);
    }

    static PackEntry of(BlobId id, BlobLocation location) {
        return new PackEntry(
                location.type(),
                isCompressed(location),
                id,
                location.offset(),
                location.length(),
                location.rawLength());
    }
}
