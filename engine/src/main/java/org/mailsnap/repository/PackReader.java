package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.BlobIdHasher;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobReceiver;
import org.mailsnap.model.PackId;

/**
 * Reads packs: the trailer, then the encrypted header, then single blobs. Every rule a reader MUST enforce
 * (format-spec/objects.md, "Pack") is checked here, and nothing is returned that was not authenticated.
 */
final class PackReader {
    private PackReader() {}

    /** Parses a whole pack held in memory (its name is not checked here; see {@link ObjectStore#verifyName}). */
    static ParsedPack parse(byte[] pack, PackId packId, SubKeys keys) throws CorruptDataException {
        return parse(pack, pack.length, packId, keys);
    }

    /** Parses the pack held in the first {@code length} bytes of {@code pack}. */
    static ParsedPack parse(byte[] pack, int length, PackId packId, SubKeys keys) throws CorruptDataException {
        String object = PackFormat.describe(packId);
        if (length < PackFormat.MIN_PACK_LENGTH) {
            throw new CorruptObjectException(object, "trailer missing (file truncated?)");
        }
        long headerLength = trailerHeaderLength(pack, length - PackFormat.TRAILER_LENGTH, object);
        long headerStart = headerStart(headerLength, length, object);
        byte[] prefix = Arrays.copyOf(pack, PackFormat.PREFIX_LENGTH);
        return parseParts(prefix, pack, (int) headerStart, (int) headerLength, headerStart, packId, keys);
    }

    /**
     * Parses a pack's header with three ranged reads (trailer, prefix, header) instead of reading the whole pack:
     * what check and repair need from every pack. The same rules as {@link #parse} apply.
     */
    static ParsedPack parseHeader(org.mailsnap.storage.Storage storage, PackId packId, SubKeys keys)
            throws java.io.IOException {
        String object = PackFormat.describe(packId);
        String name = PackFormat.objectName(packId);
        long size = storage.size(name);
        if (size < PackFormat.MIN_PACK_LENGTH) {
            throw new CorruptObjectException(object, "trailer missing (file truncated?): " + size + " bytes");
        }
        byte[] trailer = storage.getRange(name, size - PackFormat.TRAILER_LENGTH, PackFormat.TRAILER_LENGTH);
        long headerLength = trailerHeaderLength(trailer, 0, object);
        long headerStart = headerStart(headerLength, size, object);
        byte[] prefix = storage.getRange(name, 0, PackFormat.PREFIX_LENGTH);
        byte[] sealed = storage.getRange(name, headerStart, (int) headerLength);
        return parseParts(prefix, sealed, 0, sealed.length, headerStart, packId, keys);
    }

    /**
     * Parses the header of a pack of {@code size} bytes from its parts held in memory: the prefix, and its end from
     * the sealed header on ({@code tail}: header, length, trailer). What a writer reads back before publishing a pack
     * it never held whole.
     */
    static ParsedPack parseTail(byte[] prefix, byte[] tail, long size, PackId packId, SubKeys keys)
            throws CorruptDataException {
        String object = PackFormat.describe(packId);
        if (tail.length < PackFormat.TRAILER_LENGTH || size < PackFormat.MIN_PACK_LENGTH) {
            throw new CorruptObjectException(object, "trailer missing (file truncated?)");
        }
        long headerLength = trailerHeaderLength(tail, tail.length - PackFormat.TRAILER_LENGTH, object);
        long headerStart = headerStart(headerLength, size, object);
        if (tail.length != PackFormat.TRAILER_LENGTH + headerLength) {
            throw new CorruptObjectException(object, "header length " + headerLength + " does not match its bytes");
        }
        return parseParts(prefix, tail, 0, (int) headerLength, headerStart, packId, keys);
    }

    /** The header length a 12-byte trailer at {@code at} states, once its magic is checked. */
    private static long trailerHeaderLength(byte[] bytes, int at, String object) throws CorruptDataException {
        if (!Arrays.equals(bytes, at + 4, at + 12, Magic.PACK_TRAILER, 0, 8)) {
            throw new CorruptObjectException(object, "trailer missing (file truncated?)");
        }
        return new ByteReader(bytes, at, at + 4, object, CorruptObjectException::new).u32("header length");
    }

    /** The header sealed in {@code sealed[sealedAt, sealedAt + sealedLength)}, opened and parsed. */
    private static ParsedPack parseParts(
            byte[] prefix, byte[] sealed, int sealedAt, int sealedLength, long headerStart, PackId packId, SubKeys keys)
            throws CorruptDataException {
        String object = PackFormat.describe(packId);
        byte[] salt = parsePrefix(prefix, packId);
        SecretKey key = keys.packKey(salt);
        byte[] header = openHeader(key, prefix, sealed, sealedAt, sealedLength, object);
        return new ParsedPack(packId, salt, key, parseHeader(header, headerStart, object));
    }

    /** Checks magic and version of the 42-byte prefix and returns the salt. */
    static byte[] parsePrefix(byte[] prefix, PackId packId) throws CorruptDataException {
        ByteReader in = new ByteReader(prefix, PackFormat.describe(packId), CorruptObjectException::new);
        Header.check(in, Magic.PACK, "pack", PackFormat.VERSION, PackFormat.VERSION);
        return in.bytes(PackFormat.SALT_LENGTH, "salt");
    }

    /**
     * Decrypts, decompresses and re-hashes one blob.
     *
     * @param ciphertext the blob's {@code entry.length()} bytes
     */
    static byte[] openBlob(
            SecretKey key, BlobIdHasher hasher, PackId packId, PackEntry entry, int position, byte[] ciphertext)
            throws CorruptObjectException {
        return open(key, hasher, packId, entry, position, ciphertext)[1];
    }

    /**
     * Like {@link #openBlob}, with every check, but returns the stored bytes (compressed when the entry says so):
     * what a repack copies into a new pack without compressing again.
     */
    static byte[] openStored(
            SecretKey key, BlobIdHasher hasher, PackId packId, PackEntry entry, int position, byte[] ciphertext)
            throws CorruptObjectException {
        return open(key, hasher, packId, entry, position, ciphertext)[0];
    }

    /**
     * Like {@link #openBlob}, with every check, but decrypts and decompresses into buffers this thread keeps
     * ({@link LentBuffers}) and lends the plaintext to {@code receiver} once its id is checked: a restore writes each
     * blob to its file at once, and would otherwise allocate three arrays of it.
     *
     * @param ciphertext the blob's {@code entry.length()} bytes in its first {@code ciphertextLength}
     * @return the plaintext's length
     */
    static int lendBlob(
            SecretKey key,
            BlobIdHasher hasher,
            PackId packId,
            PackEntry entry,
            int position,
            byte[] ciphertext,
            int ciphertextLength,
            BlobReceiver receiver)
            throws IOException {
        checkLength(packId, entry, ciphertextLength);
        LentBuffers buffers = LentBuffers.ofThread();
        byte[] stored = buffers.stored(entry.length() - Aead.TAG_LENGTH);
        int storedLength;
        try {
            storedLength = Aead.openInto(
                    key,
                    Aead.blobNonce(position),
                    PackFormat.blobAad(entry),
                    ciphertext,
                    0,
                    ciphertextLength,
                    stored,
                    0);
        } catch (AEADBadTagException e) {
            throw macMismatch(packId, entry);
        }
        byte[] plaintext = stored;
        int length = storedLength;
        if (entry.compressed()) {
            length = entry.rawLength();
            plaintext = buffers.plaintext(length);
            PackEntry.decompressInto(stored, storedLength, plaintext, length, () -> describeBlob(entry, packId));
        }
        checkId(packId, entry, hasher.hash(plaintext, 0, length));
        receiver.accept(plaintext, 0, length);
        return length;
    }

    /** Returns {stored, plaintext}. */
    private static byte[][] open(
            SecretKey key, BlobIdHasher hasher, PackId packId, PackEntry entry, int position, byte[] ciphertext)
            throws CorruptObjectException {
        checkLength(packId, entry, ciphertext.length);
        byte[] stored;
        try {
            stored = Aead.open(key, Aead.blobNonce(position), PackFormat.blobAad(entry), ciphertext);
        } catch (AEADBadTagException e) {
            throw macMismatch(packId, entry);
        }
        byte[] plaintext = entry.compressed()
                ? PackEntry.decompress(stored, entry.rawLength(), () -> describeBlob(entry, packId))
                : stored;
        checkId(packId, entry, hasher.hash(plaintext));
        return new byte[][] {stored, plaintext};
    }

    private static void checkLength(PackId packId, PackEntry entry, int read) throws CorruptObjectException {
        if (read != entry.length()) {
            throw new CorruptObjectException(
                    describeBlob(entry, packId),
                    "read " + read + " bytes, expected " + entry.length() + " (pack truncated?)");
        }
    }

    private static CorruptObjectException macMismatch(PackId packId, PackEntry entry) {
        return new CorruptObjectException(
                describeBlob(entry, packId), "MAC mismatch (corrupted, moved, or wrong key?)");
    }

    private static void checkId(PackId packId, PackEntry entry, BlobId actual) throws CorruptObjectException {
        if (!actual.equals(entry.id())) {
            throw new CorruptObjectException(
                    describeBlob(entry, packId), "id mismatch after decryption (hash is " + actual.shortHex() + "…)");
        }
    }

    /** Built only for an error: a restore opens thousands of blobs, and the words cost more than the check. */
    private static String describeBlob(PackEntry entry, PackId packId) {
        return Hex.describe("blob", entry.id().toHex()) + " in " + PackFormat.describe(packId);
    }

    /** Where the header starts in a pack of {@code size} bytes whose trailer says {@code headerLength}. */
    private static long headerStart(long headerLength, long size, String object) throws CorruptObjectException {
        long headerStart = size - PackFormat.TRAILER_LENGTH - headerLength;
        if (headerLength < PackFormat.MIN_HEADER_LENGTH || headerStart < PackFormat.PREFIX_LENGTH) {
            throw new CorruptObjectException(
                    object, "header length " + headerLength + " does not fit a pack of " + size + " bytes");
        }
        return headerStart;
    }

    /** The header sealed in {@code sealed[start..start+length)}, authenticated with the pack's prefix. */
    private static byte[] openHeader(SecretKey key, byte[] prefix, byte[] sealed, int start, int length, String object)
            throws CorruptObjectException {
        try {
            return Aead.open(key, Aead.headerNonce(), prefix, sealed, start, length);
        } catch (AEADBadTagException e) {
            throw new CorruptObjectException(object, "header MAC mismatch (corrupted or wrong key?)");
        }
    }

    private static List<PackEntry> parseHeader(byte[] header, long headerStart, String object)
            throws CorruptDataException {
        ByteReader in = new ByteReader(header, object, CorruptObjectException::new);
        int count = in.u32AtMost(PackFormat.MAX_ENTRIES, "entry count");
        if (header.length != 4 + (long) count * PackEntry.ENCODED_LENGTH) {
            throw new CorruptObjectException(
                    object, "header of " + header.length + " bytes cannot hold " + count + " entries");
        }
        List<PackEntry> entries = new ArrayList<>(count);
        Set<BlobId> seen = new HashSet<>();
        long expectedOffset = PackFormat.PREFIX_LENGTH;
        for (int i = 0; i < count; i++) {
            PackEntry entry = PackEntry.read(in);
            if (entry.offset() != expectedOffset) {
                throw new CorruptObjectException(
                        object,
                        "entry " + i + " at offset " + entry.offset() + ", expected " + expectedOffset
                                + " (entries must be contiguous)");
            }
            if (!entries.isEmpty() && entry.type() != entries.get(0).type()) {
                throw new CorruptObjectException(object, "mixes data and metadata blobs");
            }
            if (!seen.add(entry.id())) {
                throw new CorruptObjectException(
                        object, "lists blob " + entry.id().shortHex() + "… twice");
            }
            expectedOffset += entry.length();
            entries.add(entry);
        }
        in.expectEnd("header entries");
        if (expectedOffset != headerStart) {
            throw new CorruptObjectException(
                    object, "blobs end at " + expectedOffset + " but the header starts at " + headerStart);
        }
        return List.copyOf(entries);
    }
}
