package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.repository.CorruptObjectException;

/**
 * One tree chunk: {@code Version(2) || Folder*}, where {@code Folder := Mailbox(name) || Folder(name) ||
 * NewMtime(zigzag) || CurMtime(zigzag) || Messages(varint) || Bytes(varint) || Manifest(ids) ||
 * ControlCount(varint) || (Name(name) || Mtime(zigzag) || Size(varint) || Chunks(ids))*}; version 1 (names as UTF-8
 * strings) is still read. See format-spec/snapshots.md.
 */
final class TreeCodec {
    static final int VERSION = 2;

    private TreeCodec() {}

    static void writeEntry(ByteWriter out, FolderEntry f) {
        out.name(f.key().mailbox())
                .name(f.key().folder())
                .zigzag(f.newDirMtimeNanos())
                .zigzag(f.curDirMtimeNanos())
                .varint(f.messages())
                .varint(f.bytes())
                .blobIds(f.manifest())
                .count(f.controlFiles().size());
        for (ControlFile c : f.controlFiles()) {
            out.name(c.name()).zigzag(c.mtimeNanos()).varint(c.size()).blobIds(c.chunks());
        }
    }

    static List<FolderEntry> readChunk(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = new ByteReader(chunk, "tree chunk " + id.shortHex(), CorruptObjectException::new);
        int version = Header.checkVersionByte(in, "tree chunk", 1, VERSION);
        List<FolderEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String mailbox = SafeNames.relativePath(name(in, version, 4096, "mailbox"), "mailbox");
            String folder = SafeNames.relativePath(name(in, version, 4096, "folder"), "folder");
            long newMtime = in.zigzag("new/ mtime");
            long curMtime = in.zigzag("cur/ mtime");
            long messages = in.varint("message count");
            long bytes = in.varint("byte count");
            List<BlobId> manifest = in.blobIds(Integer.MAX_VALUE, "manifest");
            int controls = in.intAtMost(1024, "control file count");
            List<ControlFile> files = new ArrayList<>(controls);
            for (int i = 0; i < controls; i++) {
                String name = SafeNames.fileName(name(in, version, 1024, "control file name"), "control file");
                long mtime = in.zigzag("control file mtime");
                long size = in.varint("control file size");
                files.add(new ControlFile(name, mtime, size, in.blobIds(Integer.MAX_VALUE, "control file")));
            }
            entries.add(new FolderEntry(
                    new FolderKey(mailbox, folder), newMtime, curMtime, messages, bytes, manifest, files));
        }
        return entries;
    }

    private static String name(ByteReader in, int version, int maxBytes, String field) throws CorruptDataException {
        return version == 1 ? in.string(maxBytes, field) : in.name(maxBytes, field);
    }
}
