/**
 * zstd compression of blobs and objects; the only package that uses zstd-jni.
 *
 * <p>{@link org.mailsnap.compress.Compression#compressIfSmaller} returns null when compression does not make the
 * input strictly shorter; the caller then stores it raw. So "stored length &lt; raw length" is exactly "compressed",
 * which the format checks against its flag. {@link org.mailsnap.compress.Compression#decompress} is bounded by the
 * raw length the (authenticated) header records: hostile input cannot make it allocate more, and any other length
 * is an error.
 */
package org.mailsnap.compress;
