package org.mailsnap.codec;

import java.io.IOException;

/** A record's bytes do not follow its grammar (damaged or hostile data). */
public final class DecodeException extends IOException {
    public DecodeException(String message) {
        super(message);
    }
}
