package org.mailsnap.repository;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.compress.Compression;
import org.mailsnap.crypto.Argon2Params;

/**
 * How a repository is created and written. Immutable; build with {@link #builder()}. Time, randomness, host and
 * pid are injectable so that tests are deterministic.
 */
public final class RepositoryOptions {
    private final Argon2Params argon2;
    private final String keyLabel;
    private final Clock clock;
    private final Random random;
    private final int packTargetSize;
    private final int compressionLevel;
    private final int indexFlushEntries;
    private final ChunkerParams chunker;
    private final Duration lockStaleAfter;
    private final Duration lockRefreshInterval;
    private final String hostname;
    private final long pid;

    private RepositoryOptions(Builder b) {
        this.argon2 = b.argon2;
        this.keyLabel = b.keyLabel != null ? b.keyLabel : System.getProperty("user.name", "user") + "@" + b.hostname;
        this.clock = b.clock;
        this.random = b.random;
        this.packTargetSize = b.packTargetSize;
        this.compressionLevel = b.compressionLevel;
        this.indexFlushEntries = b.indexFlushEntries;
        this.chunker = b.chunker;
        this.lockStaleAfter = b.lockStaleAfter;
        this.lockRefreshInterval = b.lockRefreshInterval;
        this.hostname = b.hostname;
        this.pid = b.pid;
    }

    public static RepositoryOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.argon2 = argon2;
        b.keyLabel = keyLabel;
        b.clock = clock;
        b.random = random;
        b.packTargetSize = packTargetSize;
        b.compressionLevel = compressionLevel;
        b.indexFlushEntries = indexFlushEntries;
        b.chunker = chunker;
        b.lockStaleAfter = lockStaleAfter;
        b.lockRefreshInterval = lockRefreshInterval;
        b.hostname = hostname;
        b.pid = pid;
        return b;
    }

    /** Argon2id cost of new key files (default 64 MiB, 3 passes, 2 lanes). */
    public Argon2Params argon2() {
        return argon2;
    }

    /** Label of new key files (default {@code user@host}). */
    public String keyLabel() {
        return keyLabel;
    }

    public Clock clock() {
        return clock;
    }

    /** Source of master keys, salts, nonces and ids (default {@link SecureRandom}). */
    public Random random() {
        return random;
    }

    /** A pack is closed once it holds this many bytes (default 16 MiB). */
    public int packTargetSize() {
        return packTargetSize;
    }

    /** zstd level (default 3). */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** An index file is written once this many blobs are in published but unindexed packs (default 50 000). */
    public int indexFlushEntries() {
        return indexFlushEntries;
    }

    /** Chunker sizes recorded in the config at init. */
    public ChunkerParams chunker() {
        return chunker;
    }

    /** A lock not refreshed for this long is stale (default 30 minutes). */
    public Duration lockStaleAfter() {
        return lockStaleAfter;
    }

    /** How often a held lock is refreshed; zero disables the timer (default 5 minutes). */
    public Duration lockRefreshInterval() {
        return lockRefreshInterval;
    }

    public String hostname() {
        return hostname;
    }

    public long pid() {
        return pid;
    }

    public static final class Builder {
        private Argon2Params argon2 = Argon2Params.DEFAULT;
        private String keyLabel;
        private Clock clock = Clock.systemUTC();
        private Random random = new SecureRandom();
        private int packTargetSize = 16 * 1024 * 1024;
        private int compressionLevel = Compression.DEFAULT_LEVEL;
        private int indexFlushEntries = 50_000;
        private ChunkerParams chunker = ChunkerParams.BODY;
        private Duration lockStaleAfter = Duration.ofMinutes(30);
        private Duration lockRefreshInterval = Duration.ofMinutes(5);
        private String hostname = localHostname();
        private long pid = ProcessHandle.current().pid();

        private Builder() {}

        public Builder argon2(Argon2Params value) {
            argon2 = Objects.requireNonNull(value);
            return this;
        }

        public Builder keyLabel(String value) {
            keyLabel = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder random(Random value) {
            random = Objects.requireNonNull(value);
            return this;
        }

        public Builder packTargetSize(int value) {
            if (value < 1024 || value > 256 * 1024 * 1024) {
                throw new IllegalArgumentException("pack target size must be 1 KiB..256 MiB, got " + value);
            }
            packTargetSize = value;
            return this;
        }

        public Builder compressionLevel(int value) {
            if (value < 1 || value > 22) {
                throw new IllegalArgumentException("zstd level must be 1..22, got " + value);
            }
            compressionLevel = value;
            return this;
        }

        public Builder indexFlushEntries(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("index flush bound must be positive, got " + value);
            }
            indexFlushEntries = value;
            return this;
        }

        public Builder chunker(ChunkerParams value) {
            chunker = Objects.requireNonNull(value);
            return this;
        }

        public Builder lockStaleAfter(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("lock stale age must be positive, got " + value);
            }
            lockStaleAfter = value;
            return this;
        }

        public Builder lockRefreshInterval(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("lock refresh interval must not be negative, got " + value);
            }
            lockRefreshInterval = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = Objects.requireNonNull(value);
            return this;
        }

        public Builder pid(long value) {
            pid = value;
            return this;
        }

        public RepositoryOptions build() {
            return new RepositoryOptions(this);
        }

        private static String localHostname() {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                return env;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }
    }
}
