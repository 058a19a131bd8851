package org.mailsnap.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;

/** zstd, one frame per blob or object. Thread-safe (decompression reuses pooled contexts, one thread each). */
public final class Compression {
    public static final int DEFAULT_LEVEL = 3;

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
        byte[] compressed = Zstd.compress(raw, level);
        return compressed.length < raw.length ? compressed : null;
    }

    /** The {@code rawLength} bytes that {@code compressed} holds; never allocates more than {@code rawLength}. */
    public static byte[] decompress(byte[] compressed, int rawLength) throws DecompressionException {
        if (rawLength < 0) {
            throw new DecompressionException("negative raw length " + rawLength);
        }
        byte[] raw = new byte[rawLength];
        long produced;
        ZstdDecompressCtx ctx = DecompressionContexts.take();
        try {
            produced = ctx.decompressByteArray(raw, 0, rawLength, compressed, 0, compressed.length);
        } catch (RuntimeException e) {
            DecompressionContexts.discard(ctx);
            throw new DecompressionException("zstd: " + e.getMessage());
        }
        DecompressionContexts.give(ctx);
        if (produced != rawLength) {
            throw new DecompressionException("zstd produced " + produced + " bytes, expected " + rawLength);
        }
        return raw;
    }
}
