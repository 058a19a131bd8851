package org.mailsnap.snapshot;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.storage.NoSuchObjectException;

/** Blobs in a map keyed by their SHA-256: enough to test record layouts without a repository. */
public final class MemoryBlobs implements BlobSink, BlobSource {
    public final Map<BlobId, byte[]> blobs = new HashMap<>();
    public int puts;

    @Override
    public BlobId put(BlobType type, byte[] plaintext) {
        puts++;
        try {
            BlobId id = BlobId.of(MessageDigest.getInstance("SHA-256").digest(plaintext));
            blobs.put(id, plaintext.clone());
            return id;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] get(BlobId id) throws NoSuchObjectException {
        byte[] b = blobs.get(id);
        if (b == null) {
            throw new NoSuchObjectException("memory", id.toHex());
        }
        return b;
    }
}
