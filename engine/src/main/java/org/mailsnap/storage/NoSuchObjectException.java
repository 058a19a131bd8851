package org.mailsnap.storage;

import java.io.IOException;

/** The named object does not exist. */
public final class NoSuchObjectException extends IOException {
    private final String objectName;

    public NoSuchObjectException(String location, String objectName) {
        super(location + ": no object " + objectName);
        this.objectName = objectName;
    }

    public String objectName() {
        return objectName;
    }
}
