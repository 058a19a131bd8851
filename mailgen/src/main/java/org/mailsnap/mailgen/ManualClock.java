package org.mailsnap.mailgen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when told: a test steps it past a lock's stale age, a simulation sets it to each
 * simulated hour so the backup of that hour is stamped with it. Safe to read from any thread.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!zone.equals(ZoneOffset.UTC)) {
            throw new UnsupportedOperationException("a ManualClock is UTC, asked for " + zone);
        }
        return this;
    }
}
