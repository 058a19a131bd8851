/**
 * The repository's history as the commands see it: which snapshots exist, which one a {@code --snapshot} or
 * {@code --at} names, and keeping the catalog's caches (blob index, snapshot summaries) in step with the
 * repository, which alone is the truth.
 *
 * <p>{@link org.mailsnap.history.SnapshotStore} lists, reads, saves and deletes snapshot objects by their typed
 * ids ({@link org.mailsnap.model.SnapshotId}) for every command.
 *
 * <p>{@link org.mailsnap.history.CatalogSync} reads only what the catalog has not seen: index files by name, snapshot
 * objects by id. Another host's backups, or a catalog deleted on purpose, are picked up the same way. A snapshot
 * object that cannot be read is skipped and named ({@link org.mailsnap.history.DamagedSnapshot}), never cached, so
 * one damaged object never hides the others and is reported again until it is gone.
 *
 * <p>A snapshot that a readable snapshot <em>supersedes</em> (a replacement written by {@code forget --mailbox},
 * format-spec/snapshots.md) does not exist for readers. {@link org.mailsnap.history.SnapshotObjects} applies the rule
 * for commands that read every snapshot (prune, check, forget); the catalog sync applies it incrementally (see there)
 * and drops the cached state of the mailboxes a replacement removed.
 */
package org.mailsnap.history;
