package org.mailsnap.codec;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/** Reads primitives with bounds checks; every failure is a {@link DecodeException} naming what was being read. */
public final class Decoder {
    private final byte[] buf;
    private final int end;
    private int pos;

    public Decoder(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public Decoder(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    public int readByte(String what) throws DecodeException {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    public byte[] readBytes(int length, String what) throws DecodeException {
        need(length, what);
        byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    public long readVarLong(String what) throws DecodeException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte(what);
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new DecodeException("varint too long in " + what);
    }

    public long readSignedVarLong(String what) throws DecodeException {
        long v = readVarLong(what);
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that must lie in [0, max]. */
    public int readCount(long max, String what) throws DecodeException {
        long v = readVarLong(what);
        if (v < 0 || v > max) {
            throw new DecodeException(what + " out of range: " + v + " (max " + max + ")");
        }
        return (int) v;
    }

    public String readString(int maxBytes, String what) throws DecodeException {
        int length = readCount(maxBytes, what + " length");
        need(length, what);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, length)).toString();
            pos += length;
            return s;
        } catch (CharacterCodingException e) {
            throw new DecodeException(what + " is not valid UTF-8");
        }
    }

    /**
     * The format's {@code name}: any bytes, carried as the string {@link NameBytes} maps them to (valid UTF-8 reads
     * as its text, so a {@code string} written by an older version reads the same).
     */
    public String readName(int maxBytes, String what) throws DecodeException {
        int length = readCount(maxBytes, what + " length");
        need(length, what);
        String name = NameBytes.fromBytes(buf, pos, length);
        pos += length;
        return name;
    }

    public byte[] readLengthPrefixed(int maxBytes, String what) throws DecodeException {
        int length = readCount(maxBytes, what + " length");
        return readBytes(length, what);
    }

    public BlobId readBlobId(String what) throws DecodeException {
        need(BlobId.LENGTH, what);
        BlobId id = BlobId.of(buf, pos);
        pos += BlobId.LENGTH;
        return id;
    }

    public List<BlobId> readBlobIds(int maxCount, String what) throws DecodeException {
        int count = readCount(Math.min(maxCount, remaining() / BlobId.LENGTH), what + " count");
        List<BlobId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readBlobId(what));
        }
        return ids;
    }

    public void expectEnd(String what) throws DecodeException {
        if (pos != end) {
            throw new DecodeException(what + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }

    private void need(int n, String what) throws DecodeException {
        if (n < 0 || end - pos < n) {
            throw new DecodeException("truncated " + what + ": need " + n + " bytes, " + (end - pos) + " left");
        }
    }
}
