package org.mailsnap.repository;

import org.mailsnap.model.ObjectId;

/** The kinds of encrypted object, each in its own directory and under its own key derivation. */
public enum ObjectKind {
    INDEX(1, "index", "index"),
    SNAPSHOT(2, "snapshot", "snapshots"),
    LOCK(3, "lock", "locks");

    private final int code;
    private final String keyName;
    private final String directory;

    ObjectKind(int code, String keyName, String directory) {
        this.code = code;
        this.keyName = keyName;
        this.directory = directory;
    }

    int code() {
        return code;
    }

    /** The name in the HKDF info string {@code "mailsnap v1 object <name>"}. */
    String keyName() {
        return keyName;
    }

    /** The directory, e.g. {@code snapshots}. */
    public String directory() {
        return directory;
    }

    String objectName(ObjectId id) {
        return directory + "/" + id.hex();
    }

    String describe(ObjectId id) {
        return Hex.describe(keyName, id.hex());
    }
}
