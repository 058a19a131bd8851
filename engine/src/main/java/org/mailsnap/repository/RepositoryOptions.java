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
 *
 * @param argon2              Argon2id cost of new key files (default 64 MiB, 3 passes, 2 lanes)
 * @param keyLabel            label of new key files (default {@code user@host})
 * @param random              source of master keys, salts, nonces and ids (default {@link SecureRandom})
 * @param packTargetSize      a pack is closed once it holds this many bytes (default 16 MiB)
 * @param compressionLevel    zstd level (default 3)
 * @param indexFlushEntries   an index file is written once this many blobs are in published but unindexed packs
 *                            (default 50 000)
 * @param chunker             chunker sizes recorded in the config at init
 * @param lockStaleAfter      a lock not refreshed for this long is stale (default 30 minutes)
 * @param lockRefreshInterval how often a held lock is refreshed; zero disables the timer (default 5 minutes)
 */
public record RepositoryOptions(
        Argon2Params argon2,
        String keyLabel,
        Clock clock,
        Random random,
        int packTargetSize,
        int compressionLevel,
        int indexFlushEntries,
        ChunkerParams chunker,
        Duration lockStaleAfter,
        Duration lockRefreshInterval,
        String hostname,
        long pid) {

    public RepositoryOptions {
        Objects.requireNonNull(argon2);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        Objects.requireNonNull(chunker);
        Objects.requireNonNull(hostname);
        if (keyLabel == null) {
            keyLabel = System.getProperty("user.name", "user") + "@" + hostname;
        }
        if (packTargetSize < 1024 || packTargetSize > 256 * 1024 * 1024) {
            throw new IllegalArgumentException("pack target size must be 1 KiB..256 MiB, got " + packTargetSize);
        }
        if (compressionLevel < 1 || compressionLevel > 22) {
            throw new IllegalArgumentException("zstd level must be 1..22, got " + compressionLevel);
        }
        if (indexFlushEntries < 1) {
            throw new IllegalArgumentException("index flush bound must be positive, got " + indexFlushEntries);
        }
        if (lockStaleAfter.isNegative() || lockStaleAfter.isZero()) {
            throw new IllegalArgumentException("lock stale age must be positive, got " + lockStaleAfter);
        }
        if (lockRefreshInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "lock refresh interval must not be negative, got " + lockRefreshInterval);
        }
    }

    public static RepositoryOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .argon2(argon2)
                .keyLabel(keyLabel)
                .clock(clock)
                .random(random)
                .packTargetSize(packTargetSize)
                .compressionLevel(compressionLevel)
                .indexFlushEntries(indexFlushEntries)
                .chunker(chunker)
                .lockStaleAfter(lockStaleAfter)
                .lockRefreshInterval(lockRefreshInterval)
                .hostname(hostname)
                .pid(pid);
    }

    /** Collects the options; {@link #build()} checks them. */
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
            argon2 = value;
            return this;
        }

        public Builder keyLabel(String value) {
            keyLabel = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder random(Random value) {
            random = value;
            return this;
        }

        public Builder packTargetSize(int value) {
            packTargetSize = value;
            return this;
        }

        public Builder compressionLevel(int value) {
            compressionLevel = value;
            return this;
        }

        public Builder indexFlushEntries(int value) {
            indexFlushEntries = value;
            return this;
        }

        public Builder chunker(ChunkerParams value) {
            chunker = value;
            return this;
        }

        public Builder lockStaleAfter(Duration value) {
            lockStaleAfter = value;
            return this;
        }

        public Builder lockRefreshInterval(Duration value) {
            lockRefreshInterval = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder pid(long value) {
            pid = value;
            return this;
        }

        public RepositoryOptions build() {
            return new RepositoryOptions(
                    argon2,
                    keyLabel,
                    clock,
                    random,
                    packTargetSize,
                    compressionLevel,
                    indexFlushEntries,
                    chunker,
                    lockStaleAfter,
                    lockRefreshInterval,
                    hostname,
                    pid);
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
