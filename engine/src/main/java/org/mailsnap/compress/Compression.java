package org.mailsnap.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Arrays;
import java.util.Objects;
import org.mailsnap.concurrent.KeptObjects;

/** zstd, one frame per blob or object. Thread-safe (pooled contexts, one thread each at a time). */
public final class Compression {
    public static final int DEFAULT_LEVEL = 3;

    /**
     * Inputs up to this size are compressed into a buffer kept per thread; larger ones (rare: bodies are cut into
     * chunks well below it) get a buffer of their own.
     */
    private static final int SCRATCH_INPUT_LIMIT = 1 << 20;

    /**
     * zstd contexts kept for the next blob. Creating one allocates and clears its tables in native memory, which costs
     * more than compressing or decompressing a typical mail blob; a first backup compresses a hundred thousand, a
     * restore opens as many. A context that reported an error is closed instead of given back, so nothing of a failed
     * frame's state is carried into the next one.
     */
    private static final int CONTEXTS_KEPT =
            Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private static final KeptObjects<ZstdCompressCtx> COMPRESSORS =
            new KeptObjects<>(CONTEXTS_KEPT, ZstdCompressCtx::new, ZstdCompressCtx::close);
    private static final KeptObjects<ZstdDecompressCtx> DECOMPRESSORS =
            new KeptObjects<>(CONTEXTS_KEPT, ZstdDecompressCtx::new, ZstdDecompressCtx::close);
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private Compression() {}

    /** zstd of {@code raw} at {@code level}, or null when that is not strictly shorter than {@code raw}. */
    public static byte[] compressIfSmaller(byte[] raw, int level) {
        Frame frame = frameIfSmaller(raw, 0, raw.length, level);
        return frame == null ? null : Arrays.copyOf(frame.buffer(), frame.length());
    }

    /**
     * A zstd frame in {@code buffer[0, length)}. The buffer is the calling thread's own (see
     * {@link #SCRATCH_INPUT_LIMIT}) and holds the frame until that thread compresses again: a caller that keeps
     * the frame copies it, one that encrypts it at once does not.
     */
    public record Frame(byte[] buffer, int length) {}

    /**
     * zstd of {@code raw[offset, offset + length)} at {@code level}, or null when that is not strictly shorter than
     * the input. The frame lies in a buffer the next call on this thread reuses (see {@link Frame}).
     */
    public static Frame frameIfSmaller(byte[] raw, int offset, int length, int level) {
        if (level < 1 || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException(
                    "zstd level must be 1.." + Zstd.maxCompressionLevel() + ", got " + level);
        }
        Objects.checkFromIndexSize(offset, length, raw.length);
        if (length == 0) {
            return null;
        }
        int bound = (int) Zstd.compressBound(length);
        byte[] out = length <= SCRATCH_INPUT_LIMIT ? scratch(bound) : new byte[bound];
        int compressed;
        ZstdCompressCtx ctx = COMPRESSORS.take();
        try {
            compressed = ctx.setLevel(level).compressByteArray(out, 0, bound, raw, offset, length);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        COMPRESSORS.give(ctx);
        return compressed < length ? new Frame(out, compressed) : null;
    }

    private static byte[] scratch(int size) {
        byte[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new byte[size];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /** The {@code rawLength} bytes that {@code compressed} holds; never allocates more than {@code rawLength}. */
    public static byte[] decompress(byte[] compressed, int rawLength) throws DecompressionException {
        if (rawLength < 0) {
            throw new DecompressionException("negative raw length " + rawLength);
        }
        byte[] raw = new byte[rawLength];
        decompressInto(compressed, 0, compressed.length, raw, rawLength);
        return raw;
    }

    /**
     * Decompresses {@code compressed[offset, offset + length)}, which must hold exactly {@code rawLength} bytes, into
     * {@code raw[0, rawLength)}: what a restore decompresses into a buffer it reuses. Writes nothing past
     * {@code rawLength}.
     */
    public static void decompressInto(byte[] compressed, int offset, int length, byte[] raw, int rawLength)
            throws DecompressionException {
        if (rawLength < 0 || rawLength > raw.length) {
            throw new DecompressionException("raw length " + rawLength + " does not fit " + raw.length + " bytes");
        }
        Objects.checkFromIndexSize(offset, length, compressed.length);
        long produced;
        ZstdDecompressCtx ctx = DECOMPRESSORS.take();
        try {
            produced = ctx.decompressByteArray(raw, 0, rawLength, compressed, offset, length);
        } catch (RuntimeException e) {
            ctx.close();
            throw new DecompressionException("zstd: " + e.getMessage());
        }
        DECOMPRESSORS.give(ctx);
        if (produced != rawLength) {
            throw new DecompressionException("zstd produced " + produced + " bytes, expected " + rawLength);
        }
    }
}
