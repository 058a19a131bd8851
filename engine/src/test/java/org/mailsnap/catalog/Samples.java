package org.mailsnap.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.PackId;

/** Seeded sample records for the catalog tests. */
final class Samples {
    /** A fixed content for placements whose content does not matter to the test. */
    static final MessageContent CONTENT = new MessageContent(BlobId.of(new byte[BlobId.LENGTH]), List.of(), 123);

    private final Random random;

    Samples(long seed) {
        this.random = new Random(seed);
    }

    BlobId blobId() {
        byte[] b = new byte[BlobId.LENGTH];
        random.nextBytes(b);
        return BlobId.of(b);
    }

    List<BlobId> blobIds(int n) {
        List<BlobId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(blobId());
        }
        return ids;
    }

    String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    PackId packId() {
        return new PackId(hex(32));
    }

    BlobLocation location() {
        return new BlobLocation(
                packId(),
                random.nextBoolean() ? BlobType.DATA : BlobType.METADATA,
                random.nextLong() & Long.MAX_VALUE,
                random.nextInt(Integer.MAX_VALUE),
                random.nextInt(Integer.MAX_VALUE),
                random.nextInt(100_000));
    }

    MessageContent content() {
        return new MessageContent(blobId(), blobIds(random.nextInt(4)), random.nextLong() & Long.MAX_VALUE);
    }

    FolderState folderState() {
        List<org.mailsnap.snapshot.ControlFile> control = List.of(
                new org.mailsnap.snapshot.ControlFile("dovecot-keywords", random.nextLong(), 20, blobIds(1)),
                new org.mailsnap.snapshot.ControlFile("dovecot-uidlist", random.nextLong(), 900, blobIds(2)));
        return new FolderState(
                random.nextLong(),
                new org.mailsnap.snapshot.FolderEntry(
                        new org.mailsnap.model.FolderKey("example.org/anne", ".Sent"),
                        random.nextLong(),
                        random.nextLong(),
                        random.nextInt(1_000_000),
                        random.nextInt(1_000_000_000),
                        blobIds(3),
                        control));
    }

    Instant instant() {
        return Instant.ofEpochSecond(1_500_000_000L + random.nextInt(300_000_000), random.nextInt(1_000_000_000));
    }

    MessageInfo messageInfo() {
        return new MessageInfo(
                "<" + hex(6) + "@example.org>",
                "Änne <anne@example.org>",
                "bob@example.net",
                "Re: Ünïcode subject " + hex(2),
                instant(),
                "snap-" + hex(4),
                instant(),
                null,
                instant(),
                null,
                ".Sent",
                "FRS");
    }

    String base() {
        return (1_700_000_000L + random.nextInt(10_000_000)) + ".M" + random.nextInt(1_000_000) + "P"
                + random.nextInt(100_000) + ".mail.example.org,S=" + random.nextInt(100_000);
    }
}
