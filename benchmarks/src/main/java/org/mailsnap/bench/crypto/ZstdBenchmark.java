package org.mailsnap.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mailsnap.compress.Compression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * zstd of 256 KiB of mail-like text (headers and quoted-printable-ish lines with random words) per operation,
 * through the engine's {@link Compression}. The setup prints the compression ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ZstdBenchmark {
    @Param({"1", "3", "6"})
    public int level;

    private byte[] mail;

    @Setup
    public void setup() {
        Random random = new Random(3);
        String[] words = {
            "meeting",
            "invoice",
            "dovecot",
            "maildir",
            "backup",
            "tomorrow",
            "please",
            "attached",
            "regards",
            "server",
            "quota",
            "the",
            "and",
            "of",
            "to",
            "a",
            "in",
            "for",
            "is",
            "on"
        };
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 256 * 1024) {
            sb.append("Received: from mx")
                    .append(random.nextInt(100))
                    .append(".example.org by imap id ")
                    .append(Long.toHexString(random.nextLong()))
                    .append("\r\n");
            for (int line = 0; line < 8; line++) {
                for (int w = 0; w < 10; w++) {
                    sb.append(words[random.nextInt(words.length)]).append(' ');
                }
                sb.append("\r\n");
            }
        }
        mail = sb.substring(0, 256 * 1024).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public byte[] compress() {
        return Compression.compressIfSmaller(mail, level);
    }
}
