package org.mailsnap.repository;

import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;

/** One blob as an index file or a pack header lists it: its id and where it is. */
public record IndexedBlob(BlobId id, BlobLocation location) {}
