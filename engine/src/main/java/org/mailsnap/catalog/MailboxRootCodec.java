package org.mailsnap.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.NameBytes;

/**
 * Encodes a {@link MailboxRootListing}; the store and mailbox are the key:
 * <pre>
 * root = mtime:i64be listedAt:i64be folderCount:varint folder:name* linkCount:varint link:name*
 * </pre>
 */
final class MailboxRootCodec {
    private MailboxRootCodec() {}

    static byte[] encode(MailboxRootListing listing) {
        ByteWriter w = new ByteWriter(32 + 16 * listing.folders().size())
                .i64be(listing.mtimeNanos())
                .i64be(listing.listedAtNanos());
        w.count(listing.folders().size());
        listing.folders().forEach(w::name);
        w.count(listing.links().size());
        listing.links().forEach(w::name);
        return w.toByteArray();
    }

    static MailboxRootListing decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "mailbox root", key, r -> {
            long mtime = r.i64be("mtime");
            long listedAt = r.i64be("listed at");
            List<String> folders = names(r, "folder");
            List<String> links = names(r, "link");
            return new MailboxRootListing(mtime, listedAt, folders, links);
        });
    }

    private static List<String> names(ByteReader r, String what) throws CorruptDataException {
        int count = r.count(1, what + " name");
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = r.name(Integer.MAX_VALUE, what + " name");
            if (!NameBytes.isEntryName(name)) { // the finder joins it to the mailbox root
                throw r.corrupt(what + " name '" + NameBytes.printable(name) + "' is not a directory entry name");
            }
            names.add(name);
        }
        return names;
    }
}
