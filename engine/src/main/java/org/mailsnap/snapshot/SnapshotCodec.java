package org.mailsnap.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.CorruptObjectException;

/**
 * The plaintext of a snapshot object (encrypted by the repository's object store):
 * {@code Version(2) || TimeSeconds(zigzag) || TimeNanos(varint) || Host(string) || Store(name) || Separator(string)
 * || Parent(string) || Tags(count, string*) || Tree(ids) || Stats}; version 1 (Store a UTF-8 string) is still
 * read. A replacement ({@link Snapshot#replacement()}) is version 3, which adds {@code Supersedes(count, string*)
 * || Removed(count, name*)}; backups keep writing version 2. A replacement carrying a deleted-mail ledger is version
 * 4, which adds {@code Deleted(ids)}. See format-spec/snapshots.md.
 */
public final class SnapshotCodec {
    static final int VERSION = 2;
    static final int REPLACEMENT_VERSION = 3;
    static final int LEDGER_VERSION = 4;

    private SnapshotCodec() {}

    public static byte[] encode(Snapshot s) {
        if (!s.replacement() && !s.removed().isEmpty()) {
            throw new IllegalArgumentException("removed mailboxes without a superseded snapshot");
        }
        ByteWriter out = new ByteWriter(1024)
                .u8(version(s))
                .instant(s.time())
                .string(s.host())
                .name(s.store())
                .string(String.valueOf(s.separator()))
                .string(s.parent())
                .count(s.tags().size());
        s.tags().forEach(out::string);
        out.blobIds(s.tree());
        SnapshotStats st = s.stats();
        for (long v : new long[] {
            st.mailboxes(),
            st.folders(),
            st.messages(),
            st.bytes(),
            st.newMessages(),
            st.newBytes(),
            st.storedBytes(),
            st.lockHoldMaxNanos(),
            st.lockHoldTotalNanos(),
            st.durationNanos()
        }) {
            out.varint(v);
        }
        out.count(st.failedMailboxes().size());
        st.failedMailboxes().forEach(out::name);
        if (s.replacement()) {
            out.count(s.supersedes().size());
            s.supersedes().forEach(superseded -> out.string(superseded.hex()));
            out.count(s.removed().size());
            s.removed().forEach(out::name);
        }
        s.deleted().ifPresent(out::blobIds);
        return out.toByteArray();
    }

    /** The records version {@code s} is written in: the lowest that holds its fields. */
    static int version(Snapshot s) {
        return s.carriesLedger() ? LEDGER_VERSION : s.replacement() ? REPLACEMENT_VERSION : VERSION;
    }

    public static Snapshot decode(byte[] bytes, SnapshotId id) throws CorruptDataException {
        ByteReader in = new ByteReader(bytes, "snapshot " + id, CorruptObjectException::new);
        int version = Header.checkVersionByte(in, "snapshot", 1, LEDGER_VERSION);
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
        List<SnapshotId> supersedes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (version >= REPLACEMENT_VERSION) {
            int count = in.intAtMost(1_000_000, "supersedes count");
            if (count == 0) {
                throw in.corrupt("a replacement that supersedes nothing");
            }
            for (int i = 0; i < count; i++) {
                String superseded = in.string(64, "supersedes");
                if (!ObjectId.isValid(superseded) || superseded.equals(id.hex())) {
                    throw in.corrupt("supersedes " + SafeNames.printable(superseded)
                            + (superseded.equals(id.hex()) ? ", itself" : ", not a snapshot id"));
                }
                supersedes.add(SnapshotId.parse(superseded));
            }
            int removedCount = in.intAtMost(1_000_000, "removed mailbox count");
            for (int i = 0; i < removedCount; i++) {
                removed.add(SafeNames.relativePath(
                        in.name(4096, "removed mailbox"), "snapshot " + id + " removed mailbox"));
            }
        }
        Optional<List<BlobId>> deleted = version == LEDGER_VERSION
                ? Optional.of(in.blobIds(Integer.MAX_VALUE, "deleted-mail ledger"))
                : Optional.empty();
        in.expectEnd(version == LEDGER_VERSION ? "deleted-mail ledger" : "stats");
        return new Snapshot(
                time,
                host,
                store,
                sep.charAt(0),
                parent,
                tags,
                tree,
                new SnapshotStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], failed),
                supersedes,
                removed,
                deleted);
    }
}
