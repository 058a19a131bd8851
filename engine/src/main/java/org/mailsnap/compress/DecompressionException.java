package org.mailsnap.compress;

import java.io.IOException;

/** Compressed bytes that do not decompress to exactly the recorded length. */
public final class DecompressionException extends IOException {
    public DecompressionException(String message) {
        super(message);
    }
}
