package org.mailsnap.model;

import java.io.IOException;

/**
 * Takes a blob's plaintext that is lent, not given: {@code bytes[offset, offset + length)} is the lender's again when
 * {@link #accept} returns (a buffer it reuses for the next blob), so a receiver uses the bytes at once (writes them
 * to a file) and never reads another blob from the same lender while it holds them.
 */
@FunctionalInterface
public interface BlobReceiver {
    void accept(byte[] bytes, int offset, int length) throws IOException;
}
