package org.mailsnap.maildir.lock;

import java.io.IOException;

/** A lock we believed we held is not held (any more): a listing made under it must not be trusted. */
public final class LockNotHeldException extends IOException {
    public LockNotHeldException(String message) {
        super(message);
    }
}
