package org.mailsnap.repository;

import java.time.Instant;
import org.mailsnap.chunk.ChunkerParams;

/**
 * The repository's {@code config} object (format-spec/objects.md).
 *
 * @param version      format version
 * @param repositoryId 32 hex digits
 * @param created      when {@code init} ran
 * @param chunker      chunker sizes
 */
public record RepositoryConfig(int version, String repositoryId, Instant created, ChunkerParams chunker) {
    /** The format versions this code reads. */
    public static final int MIN_VERSION = 1;

    public static final int MAX_VERSION = 1;
    /** The version this code writes. */
    public static final int CURRENT_VERSION = 1;
}
