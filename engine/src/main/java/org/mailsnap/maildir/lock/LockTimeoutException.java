package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.nio.file.Path;

/** Someone else held a folder's lock for longer than we were willing to wait. */
public final class LockTimeoutException extends IOException {
    public LockTimeoutException(String folder, Path lockFile, String holder, String detail) {
        super("timed out waiting for the lock of folder " + folder + " (" + lockFile + "), held by "
                + (holder == null || holder.isEmpty() ? "an unknown process" : holder) + ": " + detail);
    }
}
