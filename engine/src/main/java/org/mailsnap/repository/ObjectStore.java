package org.mailsnap.repository;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.mailsnap.crypto.Sha256;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.ObjectId;
import org.mailsnap.storage.Storage;

/**
 * Encrypted objects (index files, snapshots, locks) under {@code <kind directory>/<id>}. An id is the SHA-256 of
 * the stored bytes: unique (every object has a random salt), checkable without the key, never rewritten.
 * Thread-safe.
 */
public final class ObjectStore {
    private final Storage storage;
    private final SubKeys keys;
    private final Random random;
    private final int compressionLevel;

    ObjectStore(Storage storage, SubKeys keys, Random random, int compressionLevel) {
        this.storage = storage;
        this.keys = keys;
        this.random = random;
        this.compressionLevel = compressionLevel;
    }

    /** Encrypts and publishes {@code plaintext}; returns the new object's id. */
    public ObjectId save(ObjectKind kind, byte[] plaintext) throws IOException {
        byte[] bytes = ObjectCodec.encode(kind, plaintext, keys, random, compressionLevel);
        ObjectId id = new ObjectId(Sha256.hex(bytes));
        ObjectCodec.decode(kind, id, bytes, keys);
        storage.put(kind.objectName(id), bytes);
        return id;
    }

    /** The plaintext of object {@code id}; checks its name, authenticity and format. */
    public byte[] load(ObjectKind kind, ObjectId id) throws IOException {
        byte[] bytes = storage.get(kind.objectName(id));
        verifyName(kind.describe(id), bytes, id.hex());
        return ObjectCodec.decode(kind, id, bytes, keys);
    }

    /** Checks that {@code bytes}, stored under the hex id {@code name}, hash to it (objects and packs alike). */
    static void verifyName(String object, byte[] bytes, String name) throws CorruptObjectException {
        String actual = Sha256.hex(bytes);
        if (!actual.equals(name)) {
            throw new CorruptObjectException(
                    object, "content hash is " + actual + ", not its name (corrupted or truncated)");
        }
    }

    /** Ids of the objects of {@code kind} in the listing, which may lag behind recent writes. */
    public List<ObjectId> list(ObjectKind kind) throws IOException {
        String prefix = kind.directory() + "/";
        return storage.list(prefix).stream()
                .map(info -> info.name().substring(prefix.length()))
                .filter(ObjectId::isValid)
                .map(ObjectId::parse)
                .toList();
    }

    public void delete(ObjectKind kind, ObjectId id) throws IOException {
        storage.delete(kind.objectName(id));
    }
}
