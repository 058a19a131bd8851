package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.DecodeException;
import org.mailsnap.codec.Decoder;
import org.mailsnap.codec.Encoder;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;

/**
 * One tree chunk: {@code Version(1) || Folder*}, where {@code Folder := Mailbox(string) || Folder(string) ||
 * NewMtime(zigzag) || CurMtime(zigzag) || Messages(varint) || Bytes(varint) || Manifest(ids) ||
 * ControlCount(varint) || (Name(string) || Mtime(zigzag) || Size(varint) || Chunks(ids))*}.
 */
final class TreeCodec {
    static final int VERSION = 1;

    private TreeCodec() {}

    static void startChunk(Encoder out) {
        out.writeByte(VERSION);
    }

    static void writeEntry(Encoder out, FolderEntry f) {
        out.writeName(f.key().mailbox());
        out.writeName(f.key().folder());
        out.writeSignedVarLong(f.newDirMtimeNanos());
        out.writeSignedVarLong(f.curDirMtimeNanos());
        out.writeVarLong(f.messages());
        out.writeVarLong(f.bytes());
        out.writeBlobIds(f.manifest());
        out.writeVarLong(f.controlFiles().size());
        for (ControlFile c : f.controlFiles()) {
            out.writeName(c.name());
            out.writeSignedVarLong(c.mtimeNanos());
            out.writeVarLong(c.size());
            out.writeBlobIds(c.chunks());
        }
    }

    static List<FolderEntry> readChunk(byte[] chunk, BlobId id) throws DecodeException {
        Decoder in = new Decoder(chunk);
        String what = "tree chunk " + id.shortHex();
        int version = in.readByte(what + " version");
        if (version != VERSION) {
            throw new DecodeException(what + ": unsupported version " + version + " (supported: " + VERSION + ")");
        }
        List<FolderEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String mailbox = SafeNames.relativePath(in.readName(4096, what + " mailbox"), "mailbox");
            String folder = SafeNames.relativePath(in.readName(4096, what + " folder"), "folder");
            long newMtime = in.readSignedVarLong(what + " new/ mtime");
            long curMtime = in.readSignedVarLong(what + " cur/ mtime");
            long messages = in.readVarLong(what + " message count");
            long bytes = in.readVarLong(what + " byte count");
            List<BlobId> manifest = in.readBlobIds(Integer.MAX_VALUE, what + " manifest");
            int controls = in.readCount(1024, what + " control file count");
            List<ControlFile> files = new ArrayList<>(controls);
            for (int i = 0; i < controls; i++) {
                String name = SafeNames.fileName(in.readName(1024, what + " control file name"), "control file");
                long mtime = in.readSignedVarLong(what + " control file mtime");
                long size = in.readVarLong(what + " control file size");
                files.add(new ControlFile(name, mtime, size, in.readBlobIds(Integer.MAX_VALUE, what + " control file")));
            }
            entries.add(new FolderEntry(new FolderKey(mailbox, folder), newMtime, curMtime, messages, bytes,
                    manifest, files));
        }
        return entries;
    }
}
