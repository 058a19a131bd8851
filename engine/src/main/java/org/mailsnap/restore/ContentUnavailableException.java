package org.mailsnap.restore;

import java.io.IOException;

/**
 * The repository could not give back a file's content (a missing pack, damaged pack data, blobs that do not add up
 * to the recorded size): that one file is not restored and is named, the rest of the restore goes on. Unlike a
 * failure to write the target, which stops the restore.
 */
final class ContentUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    ContentUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
