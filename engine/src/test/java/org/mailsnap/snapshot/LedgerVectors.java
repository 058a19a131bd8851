package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;

/**
 * The ledger vectors of {@code format-spec/vectors/ledger-*.txt} (records version 4): a deleted-mail ledger of two
 * chunks as the real {@link LedgerWriter} cuts it, read back by {@link ChunkCursor#ledger}, and an entry whose message
 * name would leave its folder, which readers must reject. Used by the repository package's {@code VectorGenerator}
 * and {@code VectorsTest}; {@link SnapshotVectors#version4()} names the two chunks.
 */
public final class LedgerVectors {
    private static final HexFormat HEX = HexFormat.of();
    /** Entries in three folders of two mailboxes: enough bytes for the writer to cut once (and only once). */
    private static final int ENTRIES = 16;

    private LedgerVectors() {}

    /** The entries, in ledger order: INBOX and .Trash of alice, INBOX of bob; one re-based message, one not UTF-8. */
    static List<GonePlacement> entries() {
        BlobId header = BlobId.of(ManifestVectors.filled(0x11));
        BlobId body = BlobId.of(ManifestVectors.filled(0x22));
        List<GonePlacement> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            FolderKey folder = new FolderKey(
                    i < ENTRIES - 3 ? "example.org/alice" : "example.org/bob",
                    i < 3 || i >= ENTRIES - 3 ? "" : ".Trash");
            String base = "17964036" + (10 + i) + ".M" + (700000 + i) + "P18646.vm,S=" + (1000 + i);
            String name = i == 3
                    ? NameBytes.fromBytes(new byte[] {'1', '7', '.', 'h', (byte) 0xf3, 's', 't'})
                    : base + ":2,S" + (i % 2 == 0 ? "a" : "");
            String guid = i == 6 ? "1796403600.M1P18646.vm,S=39,W=43" : "";
            long goneBy = 1_796_400_000L + 3600L * i;
            entries.add(new GonePlacement(
                    folder,
                    new Placement(
                            name,
                            guid,
                            i % 3 != 0,
                            1_796_403_610_000_000_000L + i,
                            new MessageContent(header, i % 4 == 0 ? List.of() : List.of(body), 1000 + i)),
                    goneBy - 3600,
                    goneBy));
        }
        entries.sort(GonePlacement.order(BaseNames.DOVECOT));
        return entries;
    }

    /** Field name → value of the success vector: the chunks the writer produced and the entries they hold. */
    public static Map<String, String> twoChunks() throws IOException {
        List<byte[]> chunks = written();
        Map<String, String> v = describe(entries());
        v.put("chunker_seed", HEX.formatHex(ManifestVectors.seed()));
        v.put("chunks", String.join(" ", chunks.stream().map(HEX::formatHex).toList()));
        return v;
    }

    /** The ids the vectors give the two chunks (stand-ins for keyed hashes): 0x01…, 0x02…. */
    static List<BlobId> chunkIds() throws IOException {
        List<BlobId> ids = new ArrayList<>();
        for (int i = 1; i <= written().size(); i++) {
            ids.add(BlobId.of(ManifestVectors.filled(i)));
        }
        return ids;
    }

    private static List<byte[]> written() throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        LedgerWriter writer =
                new LedgerWriter(LedgerWriter.chunker(ManifestVectors.seed()), BaseNames.DOVECOT, (type, bytes) -> {
                    chunks.add(bytes);
                    return BlobId.of(ManifestVectors.filled(chunks.size()));
                });
        for (GonePlacement g : entries()) {
            writer.add(g);
        }
        writer.finish();
        if (chunks.size() != 2) {
            throw new AssertionError("the ledger vector should cut into two chunks, got " + chunks.size());
        }
        return chunks;
    }

    /** A ledger chunk whose one entry is named {@code ../../.ssh/authorized_keys}: readers must reject it. */
    public static Map<String, String> unsafeName() {
        GonePlacement g = entries().get(0);
        Placement p = g.placement();
        ByteWriter out = new ByteWriter(256)
                .u8(LedgerCodec.VERSION)
                .name(g.folder().mailbox())
                .name(g.folder().folder())
                .name("../../.ssh/authorized_keys")
                .name("")
                .u8(1)
                .zigzag(p.mtimeNanos())
                .varint(p.content().size())
                .blobId(p.content().header())
                .blobIds(p.content().body())
                .zigzag(g.lastSeenSeconds())
                .zigzag(g.goneBySeconds());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("chunks", HEX.formatHex(out.toByteArray()));
        return v;
    }

    /** Checks a vector: its chunks decode to its entries, and the writer still makes its chunks; or is rejected. */
    public static void check(Map<String, String> v, boolean success) throws IOException {
        Map<BlobId, byte[]> chunks = ManifestVectors.chunks(v);
        List<BlobId> ids = new ArrayList<>(chunks.keySet());
        List<GonePlacement> read = new ArrayList<>();
        if (!success) {
            assertThrows(
                    CorruptDataException.class,
                    () -> ChunkCursor.ledger(ids, chunks::get).forEachRemaining(read::add));
            return;
        }
        ChunkCursor.ledger(ids, chunks::get).forEachRemaining(read::add);
        Map<String, String> expected = new LinkedHashMap<>(v);
        expected.keySet().removeIf(k -> !k.startsWith("entr"));
        assertEquals(expected, describe(read));
        assertEquals(v.get("chunks"), twoChunks().get("chunks"), "the writer no longer produces these chunks");
    }

    private static Map<String, String> describe(List<GonePlacement> entries) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("entries", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            GonePlacement g = entries.get(i);
            v.put(
                    "entry" + i,
                    "mailbox=" + g.folder().mailbox() + " folder="
                            + (g.folder().folder().isEmpty() ? "-" : g.folder().folder()) + " "
                            + ManifestVectors.describe(g.placement())
                            + " last_seen=" + g.lastSeenSeconds() + " gone_by=" + g.goneBySeconds());
        }
        return v;
    }
}
