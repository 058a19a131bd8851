package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.mailsnap.codec.Utf8;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;

/**
 * Builds and splits the catalog's keys. LMDB orders keys by unsigned bytes, so every variable-length part that is
 * followed by another ends in a 0x00 byte (no name contains NUL): all keys of mailbox {@code u1} then sort before
 * those of {@code u10}, and a prefix scan for {@code u1\0} never sees {@code u10}. Mailboxes, folders and bases are
 * names: their bytes are the file names' bytes ({@link NameBytes}), which need not be UTF-8; the other text parts
 * are UTF-8 and read strictly.
 * <pre>
 * content, messages   mailbox 0x00 guid             -- guid: Dovecot's GUID of the message, which is its base
 *                                                      unless the folder's uidlist records another ({@code G})
 * messageIds          sha256(normalized Message-ID)[0..8) mailbox 0x00 guid
 * stores              storeKey
 * folderIds           storeId:i32be mailbox 0x00 folder
 * folders             folderId:i32be
 * mailboxRoots        storeId:i32be mailbox           -- what the finder saw in each mailbox root of a store
 * contentTables       storeId:i32be mailbox           -- the blobs of the content table the store's last run wrote
 * placements          folderId:i32be base             -- one folder's placements are one key range, in base order
 * snapshots           snapshotId
 * unfinishedRuns      storeKey                        -- the store's last run stopped after a checkpoint
 * stateSnapshots      storeKey                        -- the snapshot the store's last finished run saved
 * blobs               blobId (32 bytes)
 * indexFiles          indexFileName
 * damaged             blobId (32 bytes) packId (32 bytes, or none: "wherever the catalog had it")
 * </pre>
 */
final class LmdbKeys {
    /** LMDB's compiled-in key limit (MDB_MAXKEYSIZE). */
    static final int MAX_KEY_BYTES = 511;

    static final int ID_BYTES = 4;
    static final int MESSAGE_ID_HASH_BYTES = 8;

    private LmdbKeys() {}

    static byte[] content(String mailbox, String guid) throws IOException {
        return checked(
                join(name(mailbox, "mailbox"), name(guid, "guid")),
                "mailbox '" + NameBytes.printable(mailbox) + "' guid '" + NameBytes.printable(guid) + "'");
    }

    /** The prefix of every content or message key of {@code mailbox}. */
    static byte[] mailboxPrefix(String mailbox) {
        byte[] m = name(mailbox, "mailbox");
        return Arrays.copyOf(m, m.length + 1);
    }

    static byte[] messageIdPrefix(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(MessageQuery.normalizeMessageId(messageId).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, MESSAGE_ID_HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static byte[] messageId(String messageId, byte[] contentKey) throws IOException {
        return checked(concat(messageIdPrefix(messageId), contentKey), "Message-ID '" + messageId + "'");
    }

    static byte[] store(String storeKey) throws IOException {
        if (storeKey.isEmpty()) {
            throw new IllegalArgumentException("empty store key");
        }
        return checked(utf8(storeKey, "store key"), "store key '" + storeKey + "'");
    }

    static byte[] folderId(int storeId, FolderKey folder) throws IOException {
        return checked(
                concat(id(storeId), join(name(folder.mailbox(), "mailbox"), name(folder.folder(), "folder"))),
                "folder " + NameBytes.printable(folder.toString()));
    }

    /** The key of a store's record about one of its mailboxes: {@code mailboxRoots}, {@code contentTables}. */
    static byte[] storeMailbox(int storeId, String mailbox) throws IOException {
        return checked(concat(id(storeId), name(mailbox, "mailbox")), "mailbox " + NameBytes.printable(mailbox));
    }

    static byte[] id(int id) {
        return ByteBuffer.allocate(ID_BYTES).putInt(id).array();
    }

    static byte[] placement(int folderId, String base) throws IOException {
        if (base.isEmpty()) {
            throw new IllegalArgumentException("empty message base");
        }
        return checked(concat(id(folderId), name(base, "base")), "base '" + NameBytes.printable(base) + "'");
    }

    static byte[] snapshot(SnapshotId id) throws IOException {
        return checked(utf8(id.hex(), "snapshot id"), "snapshot '" + id + "'");
    }

    /** The snapshot a snapshots key names: the catalog keeps snapshot ids as their hex text. */
    static SnapshotId snapshotId(byte[] key) throws CatalogCorruptException {
        String hex = utf8String(key, 0, "snapshot");
        if (!ObjectId.isValid(hex)) {
            throw Records.corrupt("snapshot key", key, "not a snapshot id");
        }
        return SnapshotId.parse(hex);
    }

    static byte[] indexFile(String name) throws IOException {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty index file name");
        }
        return checked(utf8(name, "index file name"), "index file '" + name + "'");
    }

    static byte[] damaged(org.mailsnap.model.BlobId blob, PackId pack) {
        byte[] id = blob.toBytes();
        return pack == null ? id : concat(id, pack.bytes());
    }

    /** The pack of a {@link #damaged} key, or null for a mark "wherever the catalog had it". */
    static PackId damagedPack(byte[] key) throws CatalogCorruptException {
        int packBytes = key.length - org.mailsnap.model.BlobId.LENGTH;
        return switch (packBytes) {
            case 0 -> null;
            case 32 -> PackId.of(Arrays.copyOfRange(key, org.mailsnap.model.BlobId.LENGTH, key.length));
            default -> throw new CatalogCorruptException("damage mark with a pack id of " + packBytes + " bytes");
        };
    }

    /** Reads a big-endian id at {@code offset}. */
    static int readId(byte[] key, int offset) {
        return ByteBuffer.wrap(key).getInt(offset);
    }

    /** Splits the names {@code first 0x00 second} starting at {@code offset}. */
    static String[] split(byte[] key, int offset, String what) throws CatalogCorruptException {
        for (int i = offset; i < key.length; i++) {
            if (key[i] == 0) {
                String first = NameBytes.fromBytes(key, offset, i - offset);
                String second = NameBytes.fromBytes(key, i + 1, key.length - i - 1);
                return new String[] {first, second};
            }
        }
        throw Records.corrupt(what + " key", key, "no 0x00 separator");
    }

    /** The name that fills the key from {@code offset} (a placement's base). */
    static String nameString(byte[] key, int offset) {
        return NameBytes.fromBytes(key, offset, key.length - offset);
    }

    static String utf8String(byte[] key, int offset, String what) throws CatalogCorruptException {
        String s = Utf8.decode(key, offset, key.length - offset);
        if (s == null) {
            throw Records.corrupt(what + " key", key, "key is not valid UTF-8");
        }
        return s;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] join(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + 1 + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length + 1, second.length);
        return out;
    }

    private static byte[] name(String s, String field) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains NUL: '" + NameBytes.printable(s) + "'");
        }
        return NameBytes.toBytes(s);
    }

    private static byte[] utf8(String s, String field) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains NUL: '" + s.replace('\0', '?') + "'");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] checked(byte[] key, String what) throws IOException {
        if (key.length > MAX_KEY_BYTES) {
            throw new CatalogException(
                    "catalog key for " + what + " is " + key.length + " bytes, more than LMDB's " + MAX_KEY_BYTES);
        }
        return key;
    }
}
