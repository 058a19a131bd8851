package org.mailsnap.backup;

import java.nio.file.Path;
import java.util.List;
import org.mailsnap.maildir.StoreLayout;

/**
 * What to back up and how. Immutable.
 *
 * @param store     the mail store directory
 * @param layout    Maildir++ (Dovecot's default) or {@code LAYOUT=fs}
 * @param separator the info separator of message names ({@code :} for Dovecot)
 * @param rescan    re-read every message, also known ones, and report any whose bytes changed under the same base
 * @param host      the host name recorded in the snapshot
 * @param tags      labels recorded in the snapshot
 * @param threads   reader/compressor threads
 * @param checkpointMessages after this many newly read messages the run flushes and commits the catalog, so a
 *                  killed initial run keeps what it stored and memory stays bounded
 * @param allowEmpty  back up a store with no mailbox (else refused: an unmounted volume looks like that)
 * @param allowShrink accept without a warning a run that sees fewer than half the messages of the store's last
 *                    snapshot
 * @param frozen      a filesystem snapshot of the store that the run reads instead of the store, or null to read
 *                    the live store
 */
public record BackupSettings(
        Path store,
        StoreLayout layout,
        char separator,
        boolean rescan,
        String host,
        List<String> tags,
        int threads,
        int checkpointMessages,
        boolean allowEmpty,
        boolean allowShrink,
        FrozenStore frozen) {
    public BackupSettings {
        tags = List.copyOf(tags);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (checkpointMessages < 1) {
            throw new IllegalArgumentException("checkpointMessages must be positive, got " + checkpointMessages);
        }
    }

    /**
     * Newly read messages between two checkpoints of a run. LMDB keeps a write transaction's dirty pages in memory
     * until it commits, and blob ids land on random pages of the blob index, so this bounds the run's memory: 10,000
     * messages dirty at most ~15,000 index pages, whatever the store's size.
     */
    public static final int DEFAULT_CHECKPOINT_MESSAGES = 10_000;

    /** The settings of a backup of {@code store} recorded as from {@code host}, every other one at its default. */
    public static BackupSettings of(Path store, String host) {
        return builder(store, host).build();
    }

    /** Settings for a backup of {@code store} recorded as from {@code host}; what is not set keeps its default. */
    public static Builder builder(Path store, String host) {
        return new Builder(store, host);
    }

    /** Collects the settings one by one, each named; {@link #build()} checks them. */
    public static final class Builder {
        private final Path store;
        private final String host;
        private StoreLayout layout = StoreLayout.MAILDIR_PLUS_PLUS;
        private char separator = ':';
        private boolean rescan;
        private List<String> tags = List.of();
        private int threads = Runtime.getRuntime().availableProcessors();
        private int checkpointMessages = DEFAULT_CHECKPOINT_MESSAGES;
        private boolean allowEmpty;
        private boolean allowShrink;
        private FrozenStore frozen;

        private Builder(Path store, String host) {
            this.store = store;
            this.host = host;
        }

        public Builder layout(StoreLayout value) {
            layout = value;
            return this;
        }

        public Builder separator(char value) {
            separator = value;
            return this;
        }

        public Builder rescan(boolean value) {
            rescan = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder checkpointMessages(int value) {
            checkpointMessages = value;
            return this;
        }

        public Builder allowEmpty(boolean value) {
            allowEmpty = value;
            return this;
        }

        public Builder allowShrink(boolean value) {
            allowShrink = value;
            return this;
        }

        /** Read the store from {@code value}, a filesystem snapshot of it, and record the store's own path. */
        public Builder frozen(FrozenStore value) {
            frozen = value;
            return this;
        }

        public BackupSettings build() {
            return new BackupSettings(
                    store,
                    layout,
                    separator,
                    rescan,
                    host,
                    tags,
                    threads,
                    checkpointMessages,
                    allowEmpty,
                    allowShrink,
                    frozen);
        }
    }

    /** These settings with {@code rescan} on. */
    public BackupSettings rescanning() {
        return builder(store, host)
                .layout(layout)
                .separator(separator)
                .rescan(true)
                .tags(tags)
                .threads(threads)
                .checkpointMessages(checkpointMessages)
                .allowEmpty(allowEmpty)
                .allowShrink(allowShrink)
                .frozen(frozen)
                .build();
    }

    /** The directory the run reads: the snapshot's image of the store when there is one, else the store. */
    public Path readFrom() {
        return frozen != null ? frozen.image() : store;
    }
}
