package org.mailsnap.dump;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;
import org.mailsnap.snapshot.MemoryBlobs;

/** A manifest whose sizes disagree with the blobs stops a dump with an error naming the message. */
class DumpCorruptionTest {

    @Test
    void blobsLongerOrShorterThanTheRecordedSizeStopTheDump() throws Exception {
        for (long recorded : new long[] {5, 50}) {
            MemoryBlobs blobs = new MemoryBlobs();
            BlobId header = blobs.put(BlobType.DATA, "Subject: x\n\n".getBytes(StandardCharsets.US_ASCII));
            BlobId body = blobs.put(BlobType.DATA, "body\n".getBytes(StandardCharsets.US_ASCII));
            FolderEntry folder = folderWith(
                    blobs,
                    new Placement("1.M1P1.host:2,S", true, 0, new MessageContent(header, List.of(body), recorded)));
            for (FormatWriter writer : List.<FormatWriter>of(
                    f -> new MboxWriter(blobs).write(f, new ByteArrayOutputStream()),
                    f -> new MaildirTarWriter(blobs).write(f, "INBOX", new ByteArrayOutputStream()))) {
                CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> writer.write(folder));
                assertTrue(
                        e.getMessage().contains("1.M1P1.host:2,S")
                                && e.getMessage().contains(recorded + " bytes"),
                        e.getMessage());
            }
        }
    }

    @Test
    void aConsistentManifestDumps() throws Exception {
        MemoryBlobs blobs = new MemoryBlobs();
        byte[] h = "Subject: x\n\n".getBytes(StandardCharsets.US_ASCII);
        BlobId header = blobs.put(BlobType.DATA, h);
        BlobId body = blobs.put(BlobType.DATA, "body\n".getBytes(StandardCharsets.US_ASCII));
        FolderEntry folder = folderWith(
                blobs,
                new Placement("1.M1P1.host:2,S", true, 0, new MessageContent(header, List.of(body), h.length + 5)));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        DumpResult r = new MaildirTarWriter(blobs).write(folder, "", tar);
        assertEquals(new DumpResult(1, h.length + 5, 0), r);
        assertEquals(0, tar.size() % 512, "whole blocks");
        // cur/ new/ tmp/ headers, one file header + one data block, two end blocks
        assertEquals(512 * (3 + 2 + 2), tar.size());
    }

    private interface FormatWriter {
        void write(FolderEntry folder) throws Exception;
    }

    private static FolderEntry folderWith(MemoryBlobs blobs, Placement p) throws Exception {
        ManifestWriter manifest =
                new ManifestWriter(ManifestWriter.Chunkers.of(new byte[32]), BaseNames.DOVECOT, blobs);
        FolderKey key = new FolderKey("u", "");
        manifest.folder(key, List.of(p));
        return new FolderEntry(
                key, 0, 0, 1, p.content().size(), manifest.finish().get(key), List.of());
    }
}
