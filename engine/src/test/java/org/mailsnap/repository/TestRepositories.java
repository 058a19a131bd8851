package org.mailsnap.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.mailgen.ManualClock;

/** Options that keep tests fast (tiny Argon2) and deterministic (seeded randomness, a hand-moved clock). */
final class TestRepositories {
    static final Argon2Params TINY_ARGON2 = new Argon2Params(8, 1, 1);
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private TestRepositories() {}

    static RepositoryOptions.Builder options(long seed) {
        return RepositoryOptions.builder()
                .argon2(TINY_ARGON2)
                .random(new Random(seed))
                .clock(new ManualClock(T0))
                .keyLabel("test@host")
                .hostname("host")
                .pid(4242)
                .lockRefreshInterval(Duration.ZERO);
    }
}
