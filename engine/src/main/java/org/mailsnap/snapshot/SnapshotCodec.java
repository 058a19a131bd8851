package org.mailsnap.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;

/**
 * The plaintext of a snapshot object (encrypted by the repository's object store):
 * {@code Version(2) || TimeSeconds(zigzag) || TimeNanos(varint) || Host(string) || Store(name) || Separator(string)
 * || Parent(string) || Tags(count, string*) || Tree(ids) || Stats}; version 1 (Store a UTF-8 string) is still
 * read. See format-spec/snapshots.md.
 */
public final class SnapshotCodec {
    static final int VERSION = 2;

    private SnapshotCodec() {}

    public static byte[] encode(Snapshot s) {
        ByteWriter out = new ByteWriter(1024).u8(VERSION).instant(s.time()).string(s.host()).name(s.store())
                .string(String.valueOf(s.separator())).string(s.parent()).count(s.tags().size());
        s.tags().forEach(out::string);
        out.blobIds(s.tree());
        SnapshotStats st = s.stats();
        for (long v : new long[] {st.mailboxes(), st.folders(), st.messages(), st.bytes(), st.newMessages(),
                st.newBytes(), st.storedBytes(), st.lockHoldMaxNanos(), st.lockHoldTotalNanos(), st.durationNanos()}) {
            out.varint(v);
        }
        out.count(st.failedMailboxes().size());
        st.failedMailboxes().forEach(out::name);
        return out.toByteArray();
    }

    public static Snapshot decode(byte[] bytes, String id) throws CorruptDataException {
        ByteReader in = new ByteReader(bytes, "snapshot " + id);
        int version = Header.checkVersionByte(in, "snapshot", 1, VERSION);
        Instant time = in.instant("time");
        String host = in.string(1024, "host");
        String store = version == 1 ? in.string(4096, "store") : in.name(4096, "store");
        String sep = in.string(4, "separator");
        if (sep.length() != 1) {
            throw in.corrupt("separator must be one character, got " + SafeNames.printable(sep));
        }
        String parent = in.string(128, "parent");
        int tagCount = in.intAtMost(1024, "tag count");
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(in.string(1024, "tag"));
        }
        var tree = in.blobIds(Integer.MAX_VALUE, "tree");
        long[] v = new long[10];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.varint("stats");
        }
        int failedCount = in.intAtMost(1_000_000, "failed mailbox count");
        List<String> failed = new ArrayList<>(failedCount);
        for (int i = 0; i < failedCount; i++) {
            failed.add(version == 1 ? in.string(4096, "failed mailbox") : in.name(4096, "failed mailbox"));
        }
        in.expectEnd("stats");
        return new Snapshot(time, host, store, sep.charAt(0), parent, tags, tree,
                new SnapshotStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], failed));
    }
}
