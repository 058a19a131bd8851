package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;

/**
 * The manifest chunk vectors of {@code format-spec/vectors/manifest-*.txt}: written by the real {@link ManifestWriter}
 * (versions 3 and 2, the latter with {@link ManifestCodec} and the version 2 cut rule) or from the spec's grammar
 * (version 1, and the failure cases), read back by
 * {@link ChunkCursor#manifest}. Used by the repository package's {@code VectorGenerator} and {@code VectorsTest}.
 */
public final class ManifestVectors {
    private static final HexFormat HEX = HexFormat.of();

    private ManifestVectors() {}

    /** The entries every vector lists, in base order: a name that is not UTF-8, a re-based message, a plain one. */
    public static List<Placement> entries() {
        BlobId header = BlobId.of(filled(0x11));
        BlobId body = BlobId.of(filled(0x22));
        String notUtf8 = NameBytes.fromBytes(new byte[] {
            '1', '7', '3', '3', '.', 'M', '1', 'P', '2', '.', 'h', (byte) 0xf3, 's', 't', ':', '2', ',', 'S'
        });
        return List.of(
                new Placement(
                        notUtf8,
                        "",
                        true,
                        1_733_000_000_000_000_000L,
                        new MessageContent(header, List.of(body), 70_000)),
                new Placement(
                        "1796403632.M732777P18646.vm,S=39,W=43:2,S",
                        "1796403632.M697596P18646.vm,S=39,W=43",
                        true,
                        1_796_403_632_000_000_001L,
                        new MessageContent(header, List.of(), 39)),
                new Placement("1800000000.M5P6.h\u00f3st", "", false, -1L, new MessageContent(header, List.of(), 12)));
    }

    /**
     * Field name → value of the version 2 vector: the chunks the version 2 writer cut (the record rule of
     * {@link #version2Chunker}), encoded with {@link ManifestCodec}.
     */
    public static Map<String, String> version2() throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        RecordChunkWriter writer = new RecordChunkWriter(
                version2Chunker(seed()),
                (type, bytes) -> {
                    chunks.add(bytes);
                    return BlobId.of(filled(chunks.size()));
                },
                ManifestCodec.VERSION);
        for (Placement p : entries()) {
            ManifestCodec.writeEntry(writer.buffer(), p);
            writer.recordEnded(BaseNames.DOVECOT.baseOf(p.name()));
        }
        writer.finish();
        Map<String, String> v = describe(entries());
        v.put("chunker_seed", HEX.formatHex(seed()));
        v.put("chunks", String.join(" ", chunks.stream().map(HEX::formatHex).toList()));
        return v;
    }

    /**
     * Manifest chunks of versions 1 and 2 (no longer written, so only their vectors need them): ~5 entries, because
     * a flag change rewrites the chunk around the renamed message, and below that the tree, which lists every
     * manifest chunk, grows faster than the chunks shrink (the measurement that chose 512 bytes:
     * benchmarks/results/design-measurements.md).
     */
    public static final ChunkerParams VERSION2_PARAMS = new ChunkerParams(128, 512, 16 * 1024);

    /** The typical entry of a version 1 or 2 manifest: ~5 entries of ~128 bytes a chunk. */
    public static final int VERSION2_TYPICAL_ENTRY_BYTES = 128;

    /** The cut rule of version 1 and 2 manifests ({@link #VERSION2_PARAMS}, cut key the base). */
    public static RecordChunker version2Chunker(byte[] seed) {
        return new RecordChunker(seed, VERSION2_PARAMS, VERSION2_TYPICAL_ENTRY_BYTES);
    }

    /** The two folders of the version 3 vector: INBOX holds every entry, {@code .Sent} a copy of the second. */
    static Map<FolderKey, List<Placement>> version3Folders() {
        List<Placement> all = entries();
        Placement copy = all.get(1)
                .at("1796403632.M732777P18646.vm,S=39,W=43:2,RS", all.get(1).guid(), true);
        Map<FolderKey, List<Placement>> folders = new LinkedHashMap<>();
        folders.put(new FolderKey("example.org/ann", ""), all);
        folders.put(new FolderKey("example.org/ann", ".Sent"), List.of(copy));
        return folders;
    }

    /**
     * Field name → value of the version 3 vector, as the real {@link ManifestWriter} writes it: every chunk it wrote
     * (the n-th has the id of n-filled bytes), each folder's manifest as chunk numbers, and each folder's entries.
     */
    public static Map<String, String> version3() throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        ManifestWriter writer =
                new ManifestWriter(ManifestWriter.Chunkers.of(seed()), BaseNames.DOVECOT, (type, bytes) -> {
                    chunks.add(bytes);
                    return BlobId.of(filled(chunks.size()));
                });
        Map<FolderKey, List<Placement>> folders = version3Folders();
        folders.forEach(writer::folder);
        Map<FolderKey, List<BlobId>> manifests = writer.finish();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("chunker_seed", HEX.formatHex(seed()));
        v.put("chunks", String.join(" ", chunks.stream().map(HEX::formatHex).toList()));
        int f = 0;
        for (Map.Entry<FolderKey, List<Placement>> folder : folders.entrySet()) {
            String prefix = "folder" + f + "_";
            v.put(
                    prefix + "manifest",
                    String.join(
                            " ",
                            manifests.get(folder.getKey()).stream()
                                    .map(id -> Integer.toString(id.toBytes()[0]))
                                    .toList()));
            describe(folder.getValue()).forEach((k, value) -> v.put(prefix + k, value));
            f++;
        }
        return v;
    }

    /** A version 3 manifest whose placement refers to entry 5 of a one-entry content chunk: readers must reject it. */
    public static Map<String, String> version3BadReference() {
        Placement p = entries().get(2);
        ByteWriter contents = new ByteWriter(256);
        SplitManifestCodec.start(contents, SplitManifestCodec.CONTENTS);
        SplitManifestCodec.writeContentEntry(
                contents, new SplitManifestCodec.ContentEntry(p.name(), p.mtimeNanos(), p.content()));
        ByteWriter index = new ByteWriter(64);
        SplitManifestCodec.start(index, SplitManifestCodec.INDEX);
        SplitManifestCodec.writeIndexEntry(index, new SplitManifestCodec.IndexEntry(1, BlobId.of(filled(1))));
        ByteWriter placements = new ByteWriter(16);
        SplitManifestCodec.start(placements, SplitManifestCodec.PLACEMENTS);
        SplitManifestCodec.writePlacementEntry(
                placements, 0, -1, new SplitManifestCodec.PlacementEntry(0, 5, false, "", ""));
        Map<String, String> v = new LinkedHashMap<>();
        v.put(
                "chunks",
                String.join(
                        " ",
                        HEX.formatHex(contents.toByteArray()),
                        HEX.formatHex(index.toByteArray()),
                        HEX.formatHex(placements.toByteArray())));
        v.put("folder0_manifest", "2 3");
        return v;
    }

    /** A version 1 chunk (names as UTF-8 strings, no GUID) of the entries that v1 can express. */
    public static Map<String, String> version1() {
        List<Placement> v1 = List.of(entries().get(2));
        ByteWriter out = new ByteWriter(256).u8(1);
        for (Placement p : v1) {
            out.string(p.name());
            out.u8(p.inCur() ? 1 : 0)
                    .zigzag(p.mtimeNanos())
                    .varint(p.content().size())
                    .blobId(p.content().header())
                    .blobIds(p.content().body());
        }
        Map<String, String> v = describe(v1);
        v.put("chunks", HEX.formatHex(out.toByteArray()));
        return v;
    }

    /** A version 2 chunk whose GUID holds a {@code /}: readers must reject it. */
    public static Map<String, String> badGuid() {
        Placement p = entries().get(1);
        ByteWriter out = new ByteWriter(256)
                .u8(2)
                .name(p.name())
                .name("../../etc/passwd")
                .u8(1)
                .zigzag(p.mtimeNanos())
                .varint(p.content().size())
                .blobId(p.content().header())
                .blobIds(p.content().body());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("chunks", HEX.formatHex(out.toByteArray()));
        return v;
    }

    /**
     * Checks a vector: its chunks decode to its entries (a version 3 vector: each folder's manifest to that folder's
     * entries); for a writer's vector, the writer makes its chunks.
     */
    public static void check(Map<String, String> v, boolean success) throws IOException {
        Map<BlobId, byte[]> chunks = chunks(v);
        Map<String, List<BlobId>> manifests = new LinkedHashMap<>();
        v.forEach((field, value) -> {
            if (field.endsWith("_manifest")) {
                List<BlobId> manifest = new ArrayList<>();
                for (String n : value.split(" ")) {
                    manifest.add(BlobId.of(filled(Integer.parseInt(n))));
                }
                manifests.put(field.substring(0, field.length() - "manifest".length()), manifest);
            }
        });
        boolean version3 = !manifests.isEmpty();
        if (!version3) {
            manifests.put("", new ArrayList<>(chunks.keySet()));
        }
        for (Map.Entry<String, List<BlobId>> manifest : manifests.entrySet()) {
            List<Placement> read = new ArrayList<>();
            if (!success) {
                assertThrows(
                        CorruptDataException.class,
                        () -> ChunkCursor.manifest(manifest.getValue(), chunks::get)
                                .forEachRemaining(read::add));
                continue;
            }
            ChunkCursor.manifest(manifest.getValue(), chunks::get).forEachRemaining(read::add);
            String prefix = manifest.getKey();
            Map<String, String> expected = new LinkedHashMap<>();
            v.forEach((k, value) -> {
                if (k.startsWith(prefix) && k.substring(prefix.length()).startsWith("entr")) {
                    expected.put(k.substring(prefix.length()), value); // entries, entry0, entry1, ...
                }
            });
            assertEquals(expected, describe(read), prefix);
        }
        if (success && v.containsKey("chunker_seed")) {
            Map<String, String> again = version3 ? version3() : version2();
            assertEquals(v.get("chunks"), again.get("chunks"), "the writer no longer produces these chunks");
        }
    }

    private static Map<String, String> describe(List<Placement> entries) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("entries", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            v.put("entry" + i, describe(entries.get(i)));
        }
        return v;
    }

    /** One entry as the vector files write it: its fields, names and ids in hex. */
    static String describe(Placement p) {
        return "name=" + HEX.formatHex(NameBytes.toBytes(p.name()))
                + " guid=" + (p.guid().isEmpty() ? "-" : HEX.formatHex(NameBytes.toBytes(p.guid())))
                + " where=" + (p.inCur() ? "cur" : "new") + " mtime=" + p.mtimeNanos()
                + " size=" + p.content().size() + " header="
                + p.content().header().toHex()
                + " body="
                + (p.content().body().isEmpty()
                        ? "-"
                        : String.join(
                                ",",
                                p.content().body().stream().map(BlobId::toHex).toList()));
    }

    /** A vector's {@code chunks} (hex, space-separated) under the ids the vectors give them: 0x01…, 0x02…. */
    static Map<BlobId, byte[]> chunks(Map<String, String> v) {
        Map<BlobId, byte[]> chunks = new LinkedHashMap<>();
        for (String hex : v.get("chunks").split(" ")) {
            chunks.put(BlobId.of(filled(chunks.size() + 1)), HEX.parseHex(hex));
        }
        return chunks;
    }

    static byte[] seed() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        return seed;
    }

    static byte[] filled(int value) {
        byte[] b = new byte[BlobId.LENGTH];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
