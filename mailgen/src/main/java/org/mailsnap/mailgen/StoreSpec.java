package org.mailsnap.mailgen;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link StoreGenerator} builds: how many mailboxes and messages, how they are spread over folders and time,
 * what the messages are made of. Immutable; start from a preset and adjust with {@link #toBuilder()}:
 * <pre>{@code
 * StoreSpec spec = StoreSpec.tiny().toBuilder().seed(42).mailboxes(3).build();
 * }</pre>
 * The same spec always produces the same store, byte for byte, names and mtimes included.
 */
public final class StoreSpec {
    private final long seed;
    private final int mailboxes;
    private final int messagesPerMailbox;
    private final int domains;
    private final int foldersPerMailbox;
    private final int lists;
    private final double listShare;
    private final double newShare;
    private final ContentMix mix;
    private final Instant end;
    private final int historyDays;
    private final String host;

    private StoreSpec(Builder b) {
        seed = b.seed;
        mailboxes = positive("mailboxes", b.mailboxes);
        messagesPerMailbox = positive("messagesPerMailbox", b.messagesPerMailbox);
        domains = positive("domains", b.domains);
        if (b.foldersPerMailbox < 4) {
            throw new IllegalArgumentException(
                    "foldersPerMailbox must be at least 4 (Sent, Drafts, Trash, Archive): " + b.foldersPerMailbox);
        }
        foldersPerMailbox = b.foldersPerMailbox;
        if (b.lists < 0 || b.lists > Vocabulary.LISTS.length / 2) {
            throw new IllegalArgumentException("lists must be in [0, " + Vocabulary.LISTS.length / 2 + "]: " + b.lists);
        }
        lists = b.lists;
        listShare = share("listShare", b.listShare);
        newShare = share("newShare", b.newShare);
        share("attachmentShare", b.attachmentShare);
        share("sharedAttachmentShare", b.sharedAttachmentShare);
        if (b.attachmentMinBytes < 1
                || b.attachmentMaxBytes < b.attachmentMinBytes
                || b.attachmentMaxBytes > 256L << 20) {
            throw new IllegalArgumentException("attachment sizes must satisfy 1 <= min <= max <= 256 MiB: "
                    + b.attachmentMinBytes + ", " + b.attachmentMaxBytes);
        }
        if (!(b.attachmentTail > 0.1 && b.attachmentTail < 10)) {
            throw new IllegalArgumentException("attachmentTail must be in (0.1, 10): " + b.attachmentTail);
        }
        if (b.textMinBytes < 64 || b.textMaxBytes < b.textMinBytes || b.textMaxBytes > 1 << 20) {
            throw new IllegalArgumentException(
                    "text sizes must satisfy 64 <= min <= max <= 1 MiB: " + b.textMinBytes + ", " + b.textMaxBytes);
        }
        mix = new ContentMix(
                b.attachmentShare,
                b.sharedAttachmentShare,
                b.attachmentMinBytes,
                b.attachmentMaxBytes,
                b.attachmentTail,
                b.textMinBytes,
                b.textMaxBytes);
        end = Objects.requireNonNull(b.end, "end");
        historyDays = positive("historyDays", b.historyDays);
        if (b.host == null || !b.host.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "host must be a simple host name (no dots, colons or slashes): " + b.host);
        }
        host = b.host;
    }

    /** 4 mailboxes × 80 messages, attachments up to 256 KiB: a few MB, generated in well under a second. */
    public static StoreSpec tiny() {
        return builder()
                .mailboxes(4)
                .messagesPerMailbox(80)
                .lists(2)
                .attachmentMaxBytes(256 << 10)
                .build();
    }

    /** 20 mailboxes × 2,500 messages (50k), about 2.5 GB: the "small" store of targets.md. */
    public static StoreSpec small() {
        return builder().build();
    }

    /**
     * 400 mailboxes × 2,500 messages (1 M), about 18 GB like targets.md's 1 M store: fewer large attachments per
     * message than {@link #small()} (tail index 1.15, at most 4 MiB).
     */
    public static StoreSpec large() {
        return builder()
                .mailboxes(400)
                .lists(5)
                .attachmentMaxBytes(4 << 20)
                .attachmentTail(1.15)
                .build();
    }

    /** The defaults are those of {@link #small()}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.mailboxes = mailboxes;
        b.messagesPerMailbox = messagesPerMailbox;
        b.domains = domains;
        b.foldersPerMailbox = foldersPerMailbox;
        b.lists = lists;
        b.listShare = listShare;
        b.newShare = newShare;
        b.attachmentShare = mix.attachmentShare();
        b.sharedAttachmentShare = mix.sharedAttachmentShare();
        b.attachmentMinBytes = mix.attachmentMinBytes();
        b.attachmentMaxBytes = mix.attachmentMaxBytes();
        b.attachmentTail = mix.attachmentTail();
        b.textMinBytes = mix.textMinBytes();
        b.textMaxBytes = mix.textMaxBytes();
        b.end = end;
        b.historyDays = historyDays;
        b.host = host;
        return b;
    }

    /** This spec with another seed. */
    public StoreSpec withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public long seed() {
        return seed;
    }

    public int mailboxes() {
        return mailboxes;
    }

    public int messagesPerMailbox() {
        return messagesPerMailbox;
    }

    public long totalMessages() {
        return (long) mailboxes * messagesPerMailbox;
    }

    public int domains() {
        return domains;
    }

    /** Folders besides INBOX: Sent, Drafts, Trash, Archive, then list folders, then the user's own folders. */
    public int foldersPerMailbox() {
        return foldersPerMailbox;
    }

    public int lists() {
        return lists;
    }

    public double listShare() {
        return listShare;
    }

    public double newShare() {
        return newShare;
    }

    public double attachmentShare() {
        return mix.attachmentShare();
    }

    public double sharedAttachmentShare() {
        return mix.sharedAttachmentShare();
    }

    public long attachmentMinBytes() {
        return mix.attachmentMinBytes();
    }

    public long attachmentMaxBytes() {
        return mix.attachmentMaxBytes();
    }

    public double attachmentTail() {
        return mix.attachmentTail();
    }

    public int textMinBytes() {
        return mix.textMinBytes();
    }

    public int textMaxBytes() {
        return mix.textMaxBytes();
    }

    public Instant end() {
        return end;
    }

    public int historyDays() {
        return historyDays;
    }

    public String host() {
        return host;
    }

    ContentMix mix() {
        return mix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSpec other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "StoreSpec[seed=" + seed + ", mailboxes=" + mailboxes + ", messagesPerMailbox=" + messagesPerMailbox
                + ", domains=" + domains + ", foldersPerMailbox=" + foldersPerMailbox + ", lists=" + lists
                + ", listShare=" + listShare + ", newShare=" + newShare + ", attachmentShare=" + mix.attachmentShare()
                + ", sharedAttachmentShare=" + mix.sharedAttachmentShare() + ", attachmentBytes=["
                + mix.attachmentMinBytes() + ", " + mix.attachmentMaxBytes() + "], attachmentTail="
                + mix.attachmentTail() + ", textBytes=[" + mix.textMinBytes() + ", " + mix.textMaxBytes() + "], end="
                + end + ", historyDays=" + historyDays + ", host=" + host + "]";
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static double share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
        return value;
    }

    /** Collects the settings of a {@link StoreSpec}; {@link #build()} checks them all. */
    public static final class Builder {
        private long seed = 1;
        private int mailboxes = 20;
        private int messagesPerMailbox = 2500;
        private int domains = 2;
        private int foldersPerMailbox = 7;
        private int lists = 3;
        private double listShare = 0.2;
        private double newShare = 0.04;
        private double attachmentShare = ContentMix.TYPICAL.attachmentShare();
        private double sharedAttachmentShare = ContentMix.TYPICAL.sharedAttachmentShare();
        private long attachmentMinBytes = ContentMix.TYPICAL.attachmentMinBytes();
        private long attachmentMaxBytes = ContentMix.TYPICAL.attachmentMaxBytes();
        private double attachmentTail = ContentMix.TYPICAL.attachmentTail();
        private int textMinBytes = ContentMix.TYPICAL.textMinBytes();
        private int textMaxBytes = ContentMix.TYPICAL.textMaxBytes();
        private Instant end = Instant.parse("2024-06-01T00:00:00Z");
        private int historyDays = 180;
        private String host = "mail";

        private Builder() {}

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder mailboxes(int value) {
            mailboxes = value;
            return this;
        }

        public Builder messagesPerMailbox(int value) {
            messagesPerMailbox = value;
            return this;
        }

        /** Mailboxes are spread round-robin over this many domains. */
        public Builder domains(int value) {
            domains = value;
            return this;
        }

        /** Folders besides INBOX, at least 4. */
        public Builder foldersPerMailbox(int value) {
            foldersPerMailbox = value;
            return this;
        }

        /** Mailing lists; each mailbox subscribes to some of them. */
        public Builder lists(int value) {
            lists = value;
            return this;
        }

        /** Share of each mailbox's messages that are list mail. */
        public Builder listShare(double value) {
            listShare = value;
            return this;
        }

        /** Share of INBOX and list-folder messages still unseen in {@code new/} (the newest ones). */
        public Builder newShare(double value) {
            newShare = value;
            return this;
        }

        /** Share of personal messages with a base64 attachment. */
        public Builder attachmentShare(double value) {
            attachmentShare = value;
            return this;
        }

        /** Share of attachments that are forwarded documents, the same bytes in several mailboxes. */
        public Builder sharedAttachmentShare(double value) {
            sharedAttachmentShare = value;
            return this;
        }

        public Builder attachmentMinBytes(long value) {
            attachmentMinBytes = value;
            return this;
        }

        public Builder attachmentMaxBytes(long value) {
            attachmentMaxBytes = value;
            return this;
        }

        /** Pareto index of attachment sizes: smaller means a heavier tail of large attachments. */
        public Builder attachmentTail(double value) {
            attachmentTail = value;
            return this;
        }

        public Builder textMinBytes(int value) {
            textMinBytes = value;
            return this;
        }

        public Builder textMaxBytes(int value) {
            textMaxBytes = value;
            return this;
        }

        /** The moment of the newest mail; received times spread over {@code historyDays} before it. */
        public Builder end(Instant value) {
            end = value;
            return this;
        }

        public Builder historyDays(int value) {
            historyDays = value;
            return this;
        }

        /** The host part of message file names. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        public StoreSpec build() {
            return new StoreSpec(this);
        }
    }
}
