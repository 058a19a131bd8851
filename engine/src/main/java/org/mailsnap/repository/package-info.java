/**
 * The repository: format version 1 (format-spec/ is normative) on top of a {@link org.mailsnap.storage.Storage}.
 *
 * <p>Users need {@link org.mailsnap.repository.Repository} ({@code init}/{@code open}), its
 * {@link org.mailsnap.repository.BlobStore} (put/get/flush; {@code inStoredOrder} for readers that follow the order
 * blobs were stored in, such as a restore, which read S3 packs a megabyte segment at a time: {@code PackSegments}),
 * {@link org.mailsnap.repository.ObjectStore} (snapshots),
 * {@link org.mailsnap.repository.KeyFiles} and {@link org.mailsnap.repository.RepositoryLock}; check and repair use
 * {@link org.mailsnap.repository.Maintenance} (listings, index files as data, pack headers by ranged reads, whole
 * packs verified blob by blob, index files written with {@code supersedes}).
 *
 * <p>Terms: a <em>blob</em> is stored once per repository under its keyed id; blobs are compressed (zstd, kept raw
 * when that does not shrink them), encrypted (AES-256-GCM under a per-pack key, nonce = position) and appended to a
 * <em>pack</em> of about 16 MiB whose encrypted header lists them; data and metadata blobs use separate packs. An
 * <em>index file</em> lists published packs' blobs and may supersede older index files; a
 * {@link org.mailsnap.model.BlobIndex} caches them and {@link org.mailsnap.repository.IndexSync} fills it.
 *
 * <p>Write order, and why a crash anywhere loses nothing that was saved before:
 * <ol>
 *   <li>a pack is assembled in memory, parsed back (header decrypted, entries compared), then published under the
 *       SHA-256 of its bytes;</li>
 *   <li>its blobs go into the blob index (so later puts deduplicate against them);</li>
 *   <li>at every flush, and whenever the published-but-unindexed entries exceed a bound, an index file listing
 *       them is published;</li>
 *   <li>the caller publishes its snapshot last. Anything a killed run published without a snapshot is unreferenced
 *       garbage for prune.</li>
 * </ol>
 *
 * <p>Every object is written once under a name nobody else uses; nothing is appended, renamed or rewritten, so a
 * local directory and S3 behave alike and several hosts can write at once under shared locks.
 */
package org.mailsnap.repository;
