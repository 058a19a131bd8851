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
 * </ol>
 *
 * <p>Users need {@link org.mailsnap.storage.Storage} and {@link org.mailsnap.storage.Storages#open(String)}.
 */
package org.mailsnap.storage;
