/**
 * Content-defined chunking: where to cut a byte stream so that an insertion or deletion moves only nearby cuts.
 *
 * <p>Two chunkers, both keyed by the repository's secret chunker seed (so cut points reveal nothing about content
 * to someone who sees only chunk sizes):
 * <ul>
 *   <li>{@link org.mailsnap.chunk.GearChunker} cuts message bodies (attachments): a rolling "gear" hash
 *       {@code h = (h << 1) + gear[b]} over the bytes; a cut falls where the hash's top bits are zero. Normalised
 *       chunking (FastCDC): before the average size a stricter mask, after it a looser one, which narrows the size
 *       distribution. No cut before {@code min}, always one at {@code max}.</li>
 *   <li>{@link org.mailsnap.chunk.RecordChunker} cuts a sequence of records (manifest entries, uidlist lines) only
 *       between records, where a keyed hash of the record's <em>key</em> (a message base, a uid line's base) has its
 *       low bits zero. A cut depends only on the key of the record before it, so renaming a message (new flags, same
 *       base) changes one chunk and moves no cut, and an appended record changes only the last chunk.</li>
 * </ul>
 */
package org.mailsnap.chunk;
