package org.mailsnap.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.Sha256;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/**
 * Fills one pack in memory: encrypts each (already compressed or raw) blob with the pack key and its position's
 * nonce, then {@link #finish()} appends the encrypted header and trailer and reads the result back. Not
 * thread-safe: the blob store serialises access.
 */
final class PackWriter {
    private final SubKeys keys;
    private final BlobType type;
    private final byte[] salt;
    private final SecretKey packKey;
    private final ByteWriter out;
    private final List<PackEntry> entries = new ArrayList<>();

    /** @param buffer where the pack is built (grown if the pack outgrows it); the finished pack is in it */
    PackWriter(SubKeys keys, BlobType type, Random random, byte[] buffer) {
        this.keys = keys;
        this.type = type;
        this.salt = new byte[PackFormat.SALT_LENGTH];
        random.nextBytes(salt);
        this.packKey = keys.packKey(salt);
        this.out = new ByteWriter(buffer);
        Header.write(out, Magic.PACK, PackFormat.VERSION).bytes(salt);
    }

    /** Encrypts and appends one blob; returns its position in the pack. */
    int add(BlobId id, byte[] stored, boolean compressed, int rawLength) {
        if (entries.size() >= PackFormat.MAX_ENTRIES) {
            throw new IllegalStateException("pack already holds " + entries.size() + " blobs");
        }
        int position = entries.size();
        PackEntry entry = new PackEntry(type, compressed, id, out.size(), stored.length + Aead.TAG_LENGTH, rawLength);
        String problem = PackEntry.lengthProblem(compressed, entry.length(), rawLength);
        if (problem != null) {
            throw new IllegalArgumentException("blob " + id + ": " + problem);
        }
        int at = out.extend(entry.length());
        Aead.sealInto(
                packKey,
                Aead.blobNonce(position),
                PackFormat.blobAad(entry),
                stored,
                0,
                stored.length,
                out.array(),
                at);
        entries.add(entry);
        return position;
    }

    int count() {
        return entries.size();
    }

    /** Bytes so far (prefix and blobs). */
    long size() {
        return out.size();
    }

    BlobType type() {
        return type;
    }

    /**
     * Appends the encrypted header and the trailer, then parses the bytes as a reader would and checks that every
     * entry is what was written, before anyone publishes them.
     */
    FinishedPack finish() throws CorruptDataException {
        ByteWriter header = new ByteWriter(4 + entries.size() * PackEntry.ENCODED_LENGTH).u32(entries.size());
        entries.forEach(entry -> entry.writeTo(header));
        byte[] prefix = java.util.Arrays.copyOf(out.array(), PackFormat.PREFIX_LENGTH);
        byte[] encryptedHeader = Aead.seal(packKey, Aead.headerNonce(), prefix, header.array(), 0, header.size());
        out.bytes(encryptedHeader).u32(encryptedHeader.length).bytes(Magic.PACK_TRAILER);
        byte[] bytes = out.array();
        int length = out.size();
        PackId id = new PackId(Sha256.hex(bytes, length));
        ParsedPack readBack = PackReader.parse(bytes, length, id, keys);
        if (!readBack.entries().equals(entries)) {
            throw new CorruptObjectException(
                    PackFormat.describe(id),
                    "header read back differs from what was " + "written (memory or library fault); not published");
        }
        return new FinishedPack(id, bytes, length, type, List.copyOf(entries));
    }
}
