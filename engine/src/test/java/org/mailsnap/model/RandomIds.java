package org.mailsnap.model;

import java.util.Random;

/** Random blob ids for tests, from a seeded {@link Random} so that a failure replays. */
public final class RandomIds {
    private RandomIds() {}

    public static BlobId blobId(Random random) {
        byte[] b = new byte[BlobId.LENGTH];
        random.nextBytes(b);
        return BlobId.of(b);
    }
}
