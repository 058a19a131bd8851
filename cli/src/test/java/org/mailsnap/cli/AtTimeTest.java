package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** {@code --at} names the end of the second, minute or day it is written to. */
class AtTimeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneId.of("UTC"));

    @Test
    void aTimeToTheSecondIsTheEndOfThatSecond() {
        // snapshots prints 17:16:12 for a snapshot taken at 17:16:12.481: --at with that text must select it
        assertEquals(
                Instant.parse("2026-12-04T17:16:12.999999999Z"),
                TimeExpressions.parseEnd("2026-12-04 17:16:12", CLOCK));
        assertEquals(
                Instant.parse("2026-12-04T17:16:12.999999999Z"),
                TimeExpressions.parseEnd("2026-12-04T17:16:12Z", CLOCK));
    }

    @Test
    void minutesAndDaysEndTooButExactTimesDoNot() {
        assertEquals(
                Instant.parse("2026-12-04T17:16:59.999999999Z"), TimeExpressions.parseEnd("2026-12-04T17:16", CLOCK));
        assertEquals(
                Instant.parse("2026-12-03T10:00:59.999999999Z"), TimeExpressions.parseEnd("yesterday 10:00", CLOCK));
        assertEquals(Instant.parse("2026-12-04T23:59:59.999999999Z"), TimeExpressions.parseEnd("2026-12-04", CLOCK));
        assertEquals(
                Instant.parse("2026-12-04T17:16:12.250Z"), TimeExpressions.parseEnd("2026-12-04T17:16:12.250Z", CLOCK));
        assertEquals(Instant.parse("2026-12-04T16:00:00Z"), TimeExpressions.parseEnd("2h", CLOCK));
        assertEquals(CLOCK.instant(), TimeExpressions.parseEnd("now", CLOCK));
    }

    @Test
    void sinceStillMeansTheStart() {
        assertEquals(Instant.parse("2026-12-04T17:16:12Z"), TimeExpressions.parse("2026-12-04 17:16:12", CLOCK));
    }
}
