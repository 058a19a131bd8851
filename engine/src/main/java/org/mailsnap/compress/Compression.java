package org.mailsnap.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Arrays;
import org.mailsnap.concurrent.KeptObjects;

/** zstd, one frame per blob or object. Thread-safe (pooled contexts, one thread each at a time). */
public final class Compression {
    public static final int DEFAULT_LEVEL = 3;

    /**
     * Inputs up to this size are compressed into a buffer kept per thread, and only the frame is copied out; larger
     * ones (rare: bodies are cut into chunks well below it) get a buffer of their own.
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
        if (level < 1 || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException(
                    "zstd level must be 1.." + Zstd.maxCompressionLevel() + ", got " + level);
        }
        if (raw.length == 0) {
            return null;
        }
        int bound = (int) Zstd.compressBound(raw.length);
        byte[] out = raw.length <= SCRATCH_INPUT_LIMIT ? scratch(bound) : new byte[bound];
        int length;
        ZstdCompressCtx ctx = COMPRESSORS.take();
        try {
            length = ctx.setLevel(level).compressByteArray(out, 0, bound, raw, 0, raw.length);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        COMPRESSORS.give(ctx);
        return length < raw.length ? Arrays.copyOf(out, length) : null;
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
        long produced;
        ZstdDecompressCtx ctx = DECOMPRESSORS.take();
        try {
            produced = ctx.decompressByteArray(raw, 0, rawLength, compressed, 0, compressed.length);
        } catch (RuntimeException e) {
            ctx.close();
            throw new DecompressionException("zstd: " + e.getMessage());
        }
        DECOMPRESSORS.give(ctx);
        if (produced != rawLength) {
            throw new DecompressionException("zstd produced " + produced + " bytes, expected " + rawLength);
        }
        return raw;
    }
}
