package org.mailsnap.bench.crypto;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** HMAC-SHA-256 (the blob id) over {@code size} bytes per operation, JDK. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmark {
    @Param({"65536", "1048576"})
    public int size;

    private byte[] data;
    private Mac mac;

    @Setup
    public void setup() throws Exception {
        data = new byte[size];
        new Random(2).nextBytes(data);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    @Benchmark
    public byte[] hmacSha256() {
        return mac.doFinal(data);
    }
}
