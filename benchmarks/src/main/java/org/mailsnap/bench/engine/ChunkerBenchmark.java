package org.mailsnap.bench.engine;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.GearChunker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cutting 4 MiB of random bytes into body chunks; MB/s = 4 × ops/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkerBenchmark {
    private final byte[] data = new byte[4 << 20];
    private GearChunker chunker;

    @Setup
    public void setup() {
        new Random(1).nextBytes(data);
        chunker = new GearChunker(new byte[32], ChunkerParams.BODY);
    }

    @Benchmark
    public int cutAll() {
        int chunks = 0;
        for (int off = 0; off < data.length; chunks++) {
            off += chunker.nextCut(data, off, data.length - off, true);
        }
        return chunks;
    }
}
