/**
 * The binary primitives of mailsnap's own records (manifests, snapshot trees, snapshot objects).
 *
 * <p>Integers are unsigned LEB128 varints (7 bits a byte, low group first), signed ones zig-zag encoded first;
 * strings are a varint byte length then UTF-8; blob ids are 32 raw bytes; lists are a varint count then the items.
 * {@link org.mailsnap.codec.Decoder} checks every length against what is left and every count against a limit, so a
 * hostile or damaged record fails with {@link org.mailsnap.codec.DecodeException}, never with a huge allocation or an
 * index error.
 */
package org.mailsnap.codec;
