package org.mailsnap.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/**
 * Reads what {@link ByteWriter} wrote, strictly: every read is bounds-checked, lengths and counts are checked
 * against a limit and the bytes left before anything is allocated, strings must be valid UTF-8, a varint must fit 64
 * bits, and {@link #expectEnd} refuses trailing bytes. Every violation is a {@link CorruptDataException} that names
 * the resource, the field and the offset ({@code "pack 3f2a…: truncated: salt needs 32 bytes, 4 left at byte 10 of
 * 14"}); the {@link Failure} hook chooses its type (Lucene's {@code DataInput}, with the resource of its
 * {@code IndexInput}).
 *
 * <p>Fixed-width integers are little-endian ({@code u16}, {@code u32}, {@code u64}: the repository's objects) except
 * {@link #i64be}, the catalog's.
 */
public final class ByteReader {
    private static final int MAX_VARINT_BYTES = 10;

    /** Builds the exception for a problem found in a resource: the hook that gives failures their type. */
    @FunctionalInterface
    public interface Failure {
        CorruptDataException of(String resource, String problem);
    }

    private final byte[] data;
    private final int end;
    private final String resource;
    private final Failure failure;
    private int position;

    /** Reads all of {@code data}; failures are plain {@link CorruptDataException}s naming {@code resource}. */
    public ByteReader(byte[] data, String resource) {
        this(data, 0, data.length, resource, CorruptDataException::new);
    }

    public ByteReader(byte[] data, String resource, Failure failure) {
        this(data, 0, data.length, resource, failure);
    }

    /** Reads {@code data[from, to)}; offsets in messages count from the start of {@code data}. */
    public ByteReader(byte[] data, int from, int to, String resource, Failure failure) {
        this.position = Objects.checkFromToIndex(from, to, data.length);
        this.data = data;
        this.end = to;
        this.resource = resource;
        this.failure = failure;
    }

    /** The failure for {@code problem} found here, naming the resource and the offset. */
    public CorruptDataException corrupt(String problem) {
        return failure.of(resource, problem + " at byte " + position + " of " + end);
    }

    /** Fails with {@code problem} unless it is null: for validators that report a problem as text. */
    public void check(String problem) throws CorruptDataException {
        if (problem != null) {
            throw corrupt(problem);
        }
    }

    /** What is read, as failures name it. */
    public String resource() {
        return resource;
    }

    public int remaining() {
        return end - position;
    }

    public int position() {
        return position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    public int u8(String field) throws CorruptDataException {
        need(1, field);
        return data[position++] & 0xFF;
    }

    public int u16(String field) throws CorruptDataException {
        return (int) littleEndian(2, field);
    }

    public long u32(String field) throws CorruptDataException {
        return littleEndian(4, field);
    }

    /** A u32 that must lie in [0, max], {@code max} at most {@link Integer#MAX_VALUE}. */
    public int u32AtMost(long max, String field) throws CorruptDataException {
        return (int) inRange(u32(field), max, field);
    }

    public long u64(String field) throws CorruptDataException {
        return littleEndian(8, field);
    }

    /** A big-endian 64-bit integer. */
    public long i64be(String field) throws CorruptDataException {
        need(8, field);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (data[position++] & 0xFF);
        }
        return value;
    }

    /** An unsigned LEB128 varint; one that does not fit 64 bits is corrupt, never truncated silently. */
    public long varint(String field) throws CorruptDataException {
        long result = 0;
        for (int shift = 0; shift < 7 * MAX_VARINT_BYTES; shift += 7) {
            int b = u8(field);
            if (shift == 63 && (b & 0xFE) != 0) {
                throw corrupt(field + ": varint overflows 64 bits");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw corrupt(field + ": varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    public long zigzag(String field) throws CorruptDataException {
        long v = varint(field);
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that must lie in [0, max]. */
    public long varintAtMost(long max, String field) throws CorruptDataException {
        return inRange(varint(field), max, field);
    }

    /** A varint that must lie in [0, max], as an int. */
    public int intAtMost(int max, String field) throws CorruptDataException {
        return (int) inRange(varint(field), max, field);
    }

    /** A count of items that each take at least {@code minItemBytes}; refuses counts the bytes left cannot hold. */
    public int count(int minItemBytes, String field) throws CorruptDataException {
        long n = varint(field + " count");
        if (n < 0 || n > remaining() / Math.max(1, minItemBytes)) {
            throw corrupt(field + " count " + Long.toUnsignedString(n) + " exceeds the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    public byte[] bytes(int length, String field) throws CorruptDataException {
        need(length, field);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    /** The next {@code length} bytes as a reader of their own (same resource and hook); this one skips them. */
    public ByteReader slice(int length, String field) throws CorruptDataException {
        need(length, field);
        ByteReader slice = new ByteReader(data, position, position + length, resource, failure);
        position += length;
        return slice;
    }

    /** {@code length} bytes of strict UTF-8. */
    public String utf8(int length, String field) throws CorruptDataException {
        need(length, field);
        String s = Utf8.decode(data, position, length);
        if (s == null) {
            throw corrupt(field + " is not valid UTF-8");
        }
        position += length;
        return s;
    }

    /** A varint byte length (at most {@code maxBytes}), then that many bytes of strict UTF-8. */
    public String string(int maxBytes, String field) throws CorruptDataException {
        return utf8(intAtMost(maxBytes, field + " length"), field);
    }

    /**
     * The format's {@code name}: a varint byte length, then any bytes, carried as the string {@link NameBytes} maps
     * them to (valid UTF-8 reads as its text, so a {@code string} written by an older version reads the same).
     */
    public String name(int maxBytes, String field) throws CorruptDataException {
        int length = intAtMost(maxBytes, field + " length");
        need(length, field);
        String name = NameBytes.fromBytes(data, position, length);
        position += length;
        return name;
    }

    /** All bytes left, as a name. */
    public String restAsName() {
        String name = NameBytes.fromBytes(data, position, end - position);
        position = end;
        return name;
    }

    public byte[] lengthPrefixed(int maxBytes, String field) throws CorruptDataException {
        return bytes(intAtMost(maxBytes, field + " length"), field);
    }

    public BlobId blobId(String field) throws CorruptDataException {
        need(BlobId.LENGTH, field);
        BlobId id = BlobId.of(data, position);
        position += BlobId.LENGTH;
        return id;
    }

    /** A varint count (at most {@code maxCount}), then that many blob ids. */
    public List<BlobId> blobIds(int maxCount, String field) throws CorruptDataException {
        int count = intAtMost(Math.min(maxCount, remaining() / BlobId.LENGTH), field + " count");
        List<BlobId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(blobId(field));
        }
        return ids;
    }

    /** Epoch seconds as a zig-zag varint, then nanoseconds as a varint. */
    public Instant instant(String field) throws CorruptDataException {
        long seconds = zigzag(field);
        long nanos = varintAtMost(999_999_999L, field + " nanoseconds");
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw corrupt(field + " out of range: " + seconds + " s");
        }
    }

    /** Refuses trailing bytes: a record is exactly its encoding. */
    public void expectEnd(String field) throws CorruptDataException {
        if (position != end) {
            throw corrupt((end - position) + " unexpected trailing bytes after " + field);
        }
    }

    private long inRange(long value, long max, String field) throws CorruptDataException {
        if (value < 0 || value > max) {
            throw corrupt(field + " " + Long.toUnsignedString(value) + " out of range [0, " + max + "]");
        }
        return value;
    }

    private long littleEndian(int width, String field) throws CorruptDataException {
        need(width, field);
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (data[position + i] & 0xFF);
        }
        position += width;
        return value;
    }

    private void need(int length, String field) throws CorruptDataException {
        if (length < 0 || length > end - position) {
            throw corrupt(
                    "truncated: " + field + " needs " + length + " bytes, " + Math.max(0, end - position) + " left");
        }
    }
}
