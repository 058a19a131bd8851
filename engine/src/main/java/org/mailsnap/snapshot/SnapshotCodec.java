package org.mailsnap.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.DecodeException;
import org.mailsnap.codec.Decoder;
import org.mailsnap.codec.Encoder;

/**
 * The plaintext of a snapshot object (encrypted by the repository's object store):
 * {@code Version(2) || TimeSeconds(zigzag) || TimeNanos(varint) || Host(string) || Store(name) || Separator(string)
 * || Parent(string) || Tags(count, string*) || Tree(ids) || Stats}; version 1 (Store a UTF-8 string) is still
 * read. A replacement ({@link Snapshot#replacement()}) is version 3, which adds {@code Supersedes(count, string*)
 * || Removed(count, name*)}; backups keep writing version 2. See format-spec/snapshots.md.
 */
public final class SnapshotCodec {
    static final int VERSION = 2;
    static final int REPLACEMENT_VERSION = 3;
    private static final java.util.regex.Pattern SNAPSHOT_ID = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private SnapshotCodec() {}

    public static byte[] encode(Snapshot s) {
        if (!s.replacement() && !s.removed().isEmpty()) {
            throw new IllegalArgumentException("removed mailboxes without a superseded snapshot");
        }
        Encoder out = new Encoder(1024);
        out.writeByte(s.replacement() ? REPLACEMENT_VERSION : VERSION);
        out.writeSignedVarLong(s.time().getEpochSecond());
        out.writeVarLong(s.time().getNano());
        out.writeString(s.host());
        out.writeName(s.store());
        out.writeString(String.valueOf(s.separator()));
        out.writeString(s.parent());
        out.writeVarLong(s.tags().size());
        s.tags().forEach(out::writeString);
        out.writeBlobIds(s.tree());
        SnapshotStats st = s.stats();
        for (long v : new long[] {st.mailboxes(), st.folders(), st.messages(), st.bytes(), st.newMessages(),
                st.newBytes(), st.storedBytes(), st.lockHoldMaxNanos(), st.lockHoldTotalNanos(), st.durationNanos()}) {
            out.writeVarLong(v);
        }
        out.writeVarLong(st.failedMailboxes().size());
        st.failedMailboxes().forEach(out::writeName);
        if (s.replacement()) {
            out.writeVarLong(s.supersedes().size());
            s.supersedes().forEach(out::writeString);
            out.writeVarLong(s.removed().size());
            s.removed().forEach(out::writeName);
        }
        return out.toByteArray();
    }

    public static Snapshot decode(byte[] bytes, String id) throws DecodeException {
        Decoder in = new Decoder(bytes);
        String what = "snapshot " + id;
        int version = in.readByte(what + " version");
        if (version < 1 || version > REPLACEMENT_VERSION) {
            throw new DecodeException(what + ": unsupported version " + version + " (supported: 1.."
                    + REPLACEMENT_VERSION + "; damaged, or written by a newer mailsnap)");
        }
        long seconds = in.readSignedVarLong(what + " time");
        int nanos = in.readCount(999_999_999, what + " time nanos");
        String host = in.readString(1024, what + " host");
        String store = version == 1 ? in.readString(4096, what + " store") : in.readName(4096, what + " store");
        String sep = in.readString(4, what + " separator");
        if (sep.length() != 1) {
            throw new DecodeException(what + ": separator must be one character, got " + SafeNames.printable(sep));
        }
        String parent = in.readString(128, what + " parent");
        int tagCount = in.readCount(1024, what + " tag count");
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(in.readString(1024, what + " tag"));
        }
        var tree = in.readBlobIds(Integer.MAX_VALUE, what + " tree");
        long[] v = new long[10];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readVarLong(what + " stats");
        }
        int failedCount = in.readCount(1_000_000, what + " failed mailbox count");
        List<String> failed = new ArrayList<>(failedCount);
        for (int i = 0; i < failedCount; i++) {
            failed.add(version == 1 ? in.readString(4096, what + " failed mailbox")
                    : in.readName(4096, what + " failed mailbox"));
        }
        List<String> supersedes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (version == REPLACEMENT_VERSION) {
            int count = in.readCount(1_000_000, what + " supersedes count");
            if (count == 0) {
                throw new DecodeException(what + ": a replacement that supersedes nothing");
            }
            for (int i = 0; i < count; i++) {
                String superseded = in.readString(64, what + " supersedes");
                if (!SNAPSHOT_ID.matcher(superseded).matches() || superseded.equals(id)) {
                    throw new DecodeException(what + ": supersedes " + SafeNames.printable(superseded)
                            + (superseded.equals(id) ? ", itself" : ", not a snapshot id"));
                }
                supersedes.add(superseded);
            }
            int removedCount = in.readCount(1_000_000, what + " removed mailbox count");
            for (int i = 0; i < removedCount; i++) {
                removed.add(SafeNames.relativePath(in.readName(4096, what + " removed mailbox"),
                        what + " removed mailbox"));
            }
        }
        in.expectEnd(what);
        return new Snapshot(Instant.ofEpochSecond(seconds, nanos), host, store, sep.charAt(0), parent, tags, tree,
                new SnapshotStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], failed), supersedes,
                removed);
    }
}
