package org.mailsnap.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mailsnap.model.BlobId;

/**
 * What the last run recorded for one folder.
 *
 * @param newDirMtimeNanos mtime of the folder's {@code new/} when it was listed
 * @param curDirMtimeNanos mtime of the folder's {@code cur/} when it was listed
 * @param listedAtNanos    when the listing was taken (guards against changes within the mtime's granularity)
 * @param manifest         the blob ids of the folder's manifest, in order (opaque to the catalog)
 * @param messageCount     how many message files the folder held
 * @param controlFiles     control file name ({@code dovecot-uidlist}, …) → the blob ids of its content; iterates in
 *                         name order
 */
public record FolderState(long newDirMtimeNanos, long curDirMtimeNanos, long listedAtNanos, List<BlobId> manifest,
        long messageCount, Map<String, List<BlobId>> controlFiles) {
    public FolderState {
        manifest = List.copyOf(manifest);
        if (messageCount < 0) {
            throw new IllegalArgumentException("negative message count " + messageCount);
        }
        TreeMap<String, List<BlobId>> sorted = new TreeMap<>();
        controlFiles.forEach((name, ids) -> sorted.put(Objects.requireNonNull(name, "control file name"),
                List.copyOf(ids)));
        controlFiles = Collections.unmodifiableMap(sorted);
    }
}
