package org.mailsnap.prune;

/**
 * @param maxUnused share of the repository's pack bytes that may stay unused (dead blobs in kept packs) after the
 *                  prune, {@code 0 <= maxUnused < 1}; like restic's {@code --max-unused} (default 5%): packs with
 *                  the largest dead share are repacked until the rest is within the limit. 0 repacks every pack
 *                  that holds a dead blob.
 * @param dryRun    plan and report, change nothing
 */
public record PruneOptions(double maxUnused, boolean dryRun) {
    public PruneOptions {
        if (!(maxUnused >= 0 && maxUnused < 1)) {
            throw new IllegalArgumentException(
                    "--max-unused must be at least 0% and below 100%, not " + maxUnused * 100 + "%");
        }
    }
}
