package org.mailsnap.catalog;

import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;

/**
 * Encodes a {@link MessageInfo}; {@code present} says which optional fields follow:
 * <pre>
 * message = present:u8 [messageId:string] [from:string] [to:string] [subject:string] [date:instant]
 *           firstSnapshot:string firstSeen:instant [lastSnapshot:string] lastSeen:instant [goneBy:instant]
 *           folder:name flags:name
 * present = bit 0 messageId, 1 from, 2 to, 3 subject, 4 date, 5 lastSnapshot and goneBy (the message went away);
 *           higher bits zero
 * instant = epochSeconds:zigzag-varint nanos:varint
 * </pre>
 */
final class MessageInfoCodec {
    private static final int MESSAGE_ID = 1;
    private static final int FROM = 2;
    private static final int TO = 4;
    private static final int SUBJECT = 8;
    private static final int DATE = 16;
    private static final int LAST_SNAPSHOT = 32;
    private static final int KNOWN = 63;

    private MessageInfoCodec() {}

    static byte[] encode(MessageInfo m) {
        int present = (m.messageId() != null ? MESSAGE_ID : 0)
                | (m.from() != null ? FROM : 0)
                | (m.to() != null ? TO : 0)
                | (m.subject() != null ? SUBJECT : 0)
                | (m.date() != null ? DATE : 0)
                | (m.lastSnapshot() != null ? LAST_SNAPSHOT : 0);
        ByteWriter w = new ByteWriter(160).u8(present);
        optional(w, m.messageId());
        optional(w, m.from());
        optional(w, m.to());
        optional(w, m.subject());
        if (m.date() != null) {
            w.instant(m.date());
        }
        w.string(m.firstSnapshot()).instant(m.firstSeen());
        optional(w, m.lastSnapshot());
        w.instant(m.lastSeen());
        if (m.goneBy() != null) {
            w.instant(m.goneBy());
        }
        return w.name(m.folder()).name(m.flags()).toByteArray(); // both from file names
    }

    static MessageInfo decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "message info", key, MessageInfoCodec::read);
    }

    private static MessageInfo read(ByteReader r) throws CorruptDataException {
        int present = r.u8("present bits");
        if ((present & ~KNOWN) != 0) {
            throw r.corrupt("unknown field bits " + Integer.toBinaryString(present));
        }
        return new MessageInfo( // arguments are evaluated left to right: the fields are read in their stored order
                optional(r, present, MESSAGE_ID, "Message-ID"),
                optional(r, present, FROM, "From"),
                optional(r, present, TO, "To"),
                optional(r, present, SUBJECT, "Subject"),
                (present & DATE) != 0 ? r.instant("Date") : null,
                r.string(Integer.MAX_VALUE, "first snapshot"),
                r.instant("first seen"),
                optional(r, present, LAST_SNAPSHOT, "last snapshot"),
                r.instant("last seen"),
                (present & LAST_SNAPSHOT) != 0 ? r.instant("gone by") : null,
                r.name(Integer.MAX_VALUE, "folder"),
                r.name(Integer.MAX_VALUE, "flags"));
    }

    private static void optional(ByteWriter w, String s) {
        if (s != null) {
            w.string(s);
        }
    }

    private static String optional(ByteReader r, int present, int bit, String field) throws CorruptDataException {
        return (present & bit) != 0 ? r.string(Integer.MAX_VALUE, field) : null;
    }
}
