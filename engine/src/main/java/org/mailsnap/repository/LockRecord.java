package org.mailsnap.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.ObjectId;

/**
 * A lock payload: {@code Exclusive || Owner(16) || Pid || Created || Refreshed || HostLength || Host}.
 *
 * @param owner random, kept across refreshes of one lock
 */
record LockRecord(boolean exclusive, String owner, long pid, Instant created, Instant refreshed, String host) {
    static final int MAX_HOST_BYTES = 255;

    byte[] encode() {
        byte[] hostBytes = host.getBytes(StandardCharsets.UTF_8);
        if (hostBytes.length > MAX_HOST_BYTES) {
            hostBytes = java.util.Arrays.copyOf(hostBytes, MAX_HOST_BYTES);
        }
        return new ByteWriter(48 + hostBytes.length)
                .u8(exclusive ? 1 : 0)
                .bytes(Hex.FORMAT.parseHex(owner))
                .u64(pid)
                .u64(created.toEpochMilli())
                .u64(refreshed.toEpochMilli())
                .u16(hostBytes.length)
                .bytes(hostBytes)
                .toByteArray();
    }

    static LockRecord decode(ObjectId id, byte[] payload) throws CorruptDataException {
        ByteReader in = new ByteReader(payload, ObjectKind.LOCK.describe(id), CorruptObjectException::new);
        int exclusive = in.u8("exclusive");
        if (exclusive > 1) {
            throw in.corrupt("exclusive flag " + exclusive);
        }
        String owner = Hex.of(in.bytes(16, "owner"));
        long pid = in.u64("pid");
        Instant created = Instant.ofEpochMilli(in.u64("created"));
        Instant refreshed = Instant.ofEpochMilli(in.u64("refreshed"));
        int hostLength = in.u16("host length");
        if (hostLength > MAX_HOST_BYTES) {
            throw in.corrupt("host name of " + hostLength + " bytes");
        }
        String host = new String(in.bytes(hostLength, "host"), StandardCharsets.UTF_8);
        in.expectEnd("host");
        return new LockRecord(exclusive == 1, owner, pid, created, refreshed, host);
    }

    LockRecord refreshedAt(Instant now) {
        return new LockRecord(exclusive, owner, pid, created, now, host);
    }
}
