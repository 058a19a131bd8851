/**
 * The binary primitives of mailsnap's records, one reader and one writer for all of them: the repository's objects
 * (config, key files, packs, index files, locks), snapshot chunks and snapshot objects, and the catalog's records.
 *
 * <p>Fixed-width integers are little-endian ({@code u16}, {@code u32}, {@code u64}) except the catalog's big-endian
 * {@code i64be}; varints are unsigned LEB128 (7 bits a byte, low group first, at most 64 bits), signed ones zig-zag
 * encoded first; strings are a varint byte length then UTF-8, names a varint byte length then their exact bytes;
 * blob ids are 32 raw bytes; lists are a varint count then the items. A versioned record starts with a
 * {@link org.mailsnap.codec.Header}.
 *
 * <p>{@link org.mailsnap.codec.ByteReader} checks every length against what is left and every count against a limit,
 * so a hostile or damaged record fails with a {@link org.mailsnap.codec.CorruptDataException} naming the resource,
 * the field and the offset, never with a huge allocation, an index error or a silently wrong value. That exception
 * is the base of every "the data is bad" failure: {@link org.mailsnap.codec.UnsupportedVersionException}, the
 * repository's {@code CorruptObjectException} (every damaged repository object, blob or snapshot record: what a
 * reader may skip), the catalog's {@code CatalogMismatchException} and {@code CatalogCorruptException} (whose message
 * is its own sentence, with the remedy). A local file whose magic
 * carries its version (the unlock cache) is checked with {@code Header.checkMagic}.
 */
package org.mailsnap.codec;
