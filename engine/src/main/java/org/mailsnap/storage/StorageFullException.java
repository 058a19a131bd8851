package org.mailsnap.storage;

import java.io.IOException;

/** The disk or the object store has no room for an object: nothing was published, nothing was lost. */
public final class StorageFullException extends IOException {
    private final String objectName;

    public StorageFullException(String message, String objectName, Throwable cause) {
        super(message, cause);
        this.objectName = objectName;
    }

    /** The object that could not be written. */
    public String objectName() {
        return objectName;
    }
}
