/**
 * Named-object storage: the bottom layer of a repository.
 *
 * <p>Terms: an <em>object</em> is an immutable byte string under a <em>name</em> made of lower-case ASCII letters,
 * digits, {@code -}, {@code _}, {@code .} and {@code /} separators (for example {@code data/3f/3f2a…}). A name never
 * starts or ends with {@code /}, never contains {@code //} or a {@code .}/{@code ..} segment.
 *
 * <p>The contract every implementation keeps (checked by the contract test suite):
 * <ol>
 *   <li>{@link org.mailsnap.storage.Storage#put} publishes atomically: a reader sees either no object or all of
 *       its bytes, never a prefix, also after a crash (local: temp file, fsync, rename, fsync of the directory;
 *       S3: a single PUT).</li>
 *   <li>Objects are never appended to or renamed; the repository layers above write each name once (content
 *       addressed) or replace whole small objects (locks).</li>
 *   <li>{@link org.mailsnap.storage.Storage#list} may lag behind writes on eventually consistent stores; callers
 *       treat a listing as a lower bound.</li>
 *   <li>A missing object is {@link org.mailsnap.storage.NoSuchObjectException}, every other failure an
 *       {@link java.io.IOException} that names the object.</li>
 *   <li>A {@link org.mailsnap.storage.SpooledObject} ({@link org.mailsnap.storage.Storage#spool}) is an object
 *       written piece by piece whose name is known only at the end (a pack, named by its hash): invisible until
 *       published, then as a put; discarded, it leaves nothing. Local storage spools to a temporary file in the
 *       directory given (published by fsync and rename, as a put), S3 to an unnamed temporary file (nothing left
 *       behind by a killed run) it uploads in one PUT,
 *       the others in memory.</li>
 * </ol>
 *
 * <p>Implementations:
 * <ul>
 *   <li>{@link org.mailsnap.storage.LocalStorage}: one file per object under a directory. A put:
 *       <ol>
 *         <li>creates missing directories on the way, fsyncing each parent so the new entry is durable;</li>
 *         <li>writes the bytes to {@code .tmp-<random>} in the target's directory and fsyncs it;</li>
 *         <li>renames it over the target (atomic) and fsyncs the directory.</li>
 *       </ol>
 *       A crash before step 3 leaves a temporary file (never listed, removed by
 *       {@link org.mailsnap.storage.LocalStorage#cleanupTemporaryFiles}); after it, the whole new object. A failed
 *       put removes its temporary file; a full disk is a {@link org.mailsnap.storage.StorageFullException}. Range
 *       reads go through the few files each thread last read a range of, kept open
 *       ({@link org.mailsnap.storage.KeptReadFiles}): ranges are read from packs only, which are written once.</li>
 *   <li>{@link org.mailsnap.storage.s3.S3Storage}: an S3-compatible bucket (see that package).</li>
 *   <li>{@link org.mailsnap.storage.MemoryStorage}: a map, for tests and throw-away repositories.</li>
 * </ul>
 *
 * <p>Locations ({@link org.mailsnap.storage.Storages#open(String)}): a directory path or {@code local:<path>};
 * {@code s3:http(s)://host[:port]/bucket[/key/prefix]} with credentials from {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} and the region from {@code AWS_REGION} (default {@code us-east-1});
 * {@code memory:}.
 *
 * <p>Users need {@link org.mailsnap.storage.Storage} and {@link org.mailsnap.storage.Storages#open(String)}.
 */
package org.mailsnap.storage;
