package org.mailsnap.bench.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A content-map point lookup in a catalog of 200,000 messages: the cost of one unknown base in a run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogBenchmark {
    private static final int MESSAGES = 200_000;
    private Path dir;
    private Catalog catalog;
    private CatalogReader reader;
    private int next;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("mailsnap-catalog-bench");
        catalog = Catalog.open(dir.resolve("catalog"), "00000000000000000000000000000000");
        MessageContent content = new MessageContent(BlobId.of(new byte[32]), List.of(BlobId.of(new byte[32])), 4096);
        try (CatalogWriter w = catalog.beginWrite()) {
            for (int i = 0; i < MESSAGES; i++) {
                w.putContent("example.org/user" + (i % 400), base(i), new KnownMessage(content, i));
            }
            w.commit();
        }
        reader = catalog.read();
    }

    private static String base(int i) {
        return (1_700_000_000L + i) + ".M" + (i * 7919 % 1_000_000) + "P" + (i % 99_991) + ".mail,S=4096,W=4180";
    }

    @Benchmark
    public boolean lookup() throws Exception {
        next = (next + 7_919) % MESSAGES;
        int i = next;
        return reader.content("example.org/user" + (i % 400), base(i)).isPresent();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        reader.close();
        catalog.close();
        Catalog.delete(dir.resolve("catalog"));
        Files.deleteIfExists(dir);
    }
}
