package org.mailsnap.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.ManifestWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding and cutting the manifest (version 3: content table, index, placements) of a 10,000-message folder (blob
 * ids of the chunks counted, not stored).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ManifestBenchmark {
    private final List<Placement> folder = new ArrayList<>();
    private ManifestWriter.Chunkers chunkers;

    @Setup
    public void setup() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            String base = String.format(
                    "17%08d.M%06dP%05d.mail.example.org,S=%d,W=%d",
                    i, random.nextInt(999_999), random.nextInt(99_999), 2000 + i, 2040 + i);
            folder.add(new Placement(
                    base + ":2,S",
                    true,
                    random.nextLong() >>> 1,
                    new MessageContent(BlobId.of(id), List.of(BlobId.of(id)), 2000 + i)));
        }
        chunkers = ManifestWriter.Chunkers.of(new byte[32]);
    }

    @Benchmark
    public int encodeFolder() throws Exception {
        int[] chunks = {0};
        ManifestWriter writer = new ManifestWriter(chunkers, BaseNames.DOVECOT, (type, bytes) -> {
            chunks[0]++;
            return BlobId.of(java.util.Arrays.copyOf(bytes, 32));
        });
        writer.folder(new FolderKey("u", ""), folder);
        writer.finish();
        return chunks[0];
    }
}
