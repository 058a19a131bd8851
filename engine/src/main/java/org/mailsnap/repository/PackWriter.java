package org.mailsnap.repository;

import java.io.Closeable;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.Sha256;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.SpooledObject;

/**
 * Writes one pack into a {@link SpooledObject}: encrypts each (already compressed or raw) blob with the pack key and
 * its position's nonce and appends it, hashing as it goes (the pack is named by the SHA-256 of its bytes); then
 * {@link #finish()} appends the encrypted header and trailer and reads the header back. The pack is never in memory
 * whole: with two 16 MiB data packs open at once (one filling, one being published) that was a third of a backup's
 * heap. Not thread-safe: the blob store serialises access. Close it to discard a pack that was not published.
 */
final class PackWriter implements Closeable {
    private final SubKeys keys;
    private final BlobType type;
    private final SecretKey packKey;
    private final SpooledObject spool;
    private final MessageDigest digest = Sha256.start();
    /** Magic, version and salt: the header's associated data. */
    private final byte[] prefix;

    private final List<PackEntry> entries = new ArrayList<>();
    /** Where each blob is sealed before it is appended; grown to the largest blob. */
    private byte[] sealed = new byte[64 * 1024];

    /** A pack of {@code type} written to {@code spool}, which it owns from now on. */
    PackWriter(SubKeys keys, BlobType type, Random random, SpooledObject spool) throws IOException {
        this.keys = keys;
        this.type = type;
        this.spool = spool;
        byte[] salt = new byte[PackFormat.SALT_LENGTH];
        random.nextBytes(salt);
        this.packKey = keys.packKey(salt);
        ByteWriter start = new ByteWriter(PackFormat.PREFIX_LENGTH);
        Header.write(start, Magic.PACK, PackFormat.VERSION).bytes(salt);
        this.prefix = start.toByteArray();
        append(prefix, prefix.length);
    }

    /** Encrypts and appends one blob, {@code stored[offset, offset + length)}; returns its position in the pack. */
    int add(BlobId id, byte[] stored, int offset, int length, boolean compressed, int rawLength) throws IOException {
        if (entries.size() >= PackFormat.MAX_ENTRIES) {
            throw new IllegalStateException("pack already holds " + entries.size() + " blobs");
        }
        int position = entries.size();
        PackEntry entry = new PackEntry(type, compressed, id, size(), length + Aead.TAG_LENGTH, rawLength);
        String problem = PackEntry.lengthProblem(compressed, entry.length(), rawLength);
        if (problem != null) {
            throw new IllegalArgumentException("blob " + id + ": " + problem);
        }
        if (sealed.length < entry.length()) {
            sealed = new byte[Math.max(entry.length(), Math.min(2 * sealed.length, PackEntry.MAX_BLOB + 64))];
        }
        Aead.sealInto(packKey, Aead.blobNonce(position), PackFormat.blobAad(entry), stored, offset, length, sealed, 0);
        append(sealed, entry.length());
        entries.add(entry);
        return position;
    }

    int count() {
        return entries.size();
    }

    /** Bytes so far (prefix and blobs). */
    long size() {
        return spool.size();
    }

    BlobType type() {
        return type;
    }

    /**
     * Appends the encrypted header and the trailer, then parses the header as a reader would and checks that every
     * entry is what was written, before anyone publishes the pack.
     */
    FinishedPack finish() throws IOException {
        ByteWriter header = new ByteWriter(4 + entries.size() * PackEntry.ENCODED_LENGTH).u32(entries.size());
        entries.forEach(entry -> entry.writeTo(header));
        byte[] encryptedHeader = Aead.seal(packKey, Aead.headerNonce(), prefix, header.array(), 0, header.size());
        byte[] tail = new ByteWriter(encryptedHeader.length + PackFormat.TRAILER_LENGTH)
                .bytes(encryptedHeader)
                .u32(encryptedHeader.length)
                .bytes(Magic.PACK_TRAILER)
                .toByteArray();
        append(tail, tail.length);
        PackId id = new PackId(Sha256.hex(digest));
        ParsedPack readBack = PackReader.parseTail(prefix, tail, spool.size(), id, keys);
        if (!readBack.entries().equals(entries)) {
            throw new CorruptObjectException(
                    PackFormat.describe(id),
                    "header read back differs from what was " + "written (memory or library fault); not published");
        }
        return new FinishedPack(id, spool, spool.size(), type, List.copyOf(entries));
    }

    /** Discards the pack unless it was published. */
    @Override
    public void close() throws IOException {
        spool.close();
    }

    private void append(byte[] bytes, int length) throws IOException {
        digest.update(bytes, 0, length);
        spool.write(bytes, 0, length);
    }
}
