package org.mailsnap.maildir.lock;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing rules of Dovecot's uidlist dotlock, as Dovecot itself applies them.
 *
 * @param waitTimeout     how long to wait for someone else's lock before giving up (Dovecot: ~122 s)
 * @param staleTimeout    a lock whose file and uidlist did not change for this long is stale (Dovecot: 120 s)
 * @param deadPidGrace    a lock of a dead process on our host is broken once it is this old (Dovecot: 2 s)
 * @param touchInterval   how often a held lock's mtime is refreshed (Dovecot: 10 s)
 * @param firstPoll       the first pause between two attempts to take a busy lock
 * @param maxPoll         the pause grows by half each attempt up to this
 * @param identity        what our lock files say about us
 */
public record DotLockSettings(
        Duration waitTimeout,
        Duration staleTimeout,
        Duration deadPidGrace,
        Duration touchInterval,
        Duration firstPoll,
        Duration maxPoll,
        LockIdentity identity) {
    public DotLockSettings {
        positive(waitTimeout, "waitTimeout");
        positive(staleTimeout, "staleTimeout");
        Objects.requireNonNull(deadPidGrace, "deadPidGrace");
        positive(touchInterval, "touchInterval");
        positive(firstPoll, "firstPoll");
        positive(maxPoll, "maxPoll");
        Objects.requireNonNull(identity, "identity");
    }

    /** Dovecot's own values, for this process, with the host name chosen automatically. */
    public static DotLockSettings dovecotDefaults() {
        return dovecotDefaults(LockIdentity.ofThisProcess(PidNamespacePolicy.AUTO));
    }

    public static DotLockSettings dovecotDefaults(LockIdentity identity) {
        return new DotLockSettings(
                Duration.ofSeconds(122),
                Duration.ofSeconds(120),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                identity);
    }

    public DotLockSettings withWaitTimeout(Duration timeout) {
        return new DotLockSettings(timeout, staleTimeout, deadPidGrace, touchInterval, firstPoll, maxPoll, identity);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
