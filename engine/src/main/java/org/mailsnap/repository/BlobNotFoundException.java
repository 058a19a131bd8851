package org.mailsnap.repository;

import org.mailsnap.model.BlobId;

/** No index known to the blob index lists the blob. */
public final class BlobNotFoundException extends RepositoryException {
    private final BlobId id;

    public BlobNotFoundException(BlobId id, String detail) {
        super("blob " + id.shortHex() + "…: " + detail);
        this.id = id;
    }

    public BlobId id() {
        return id;
    }
}
