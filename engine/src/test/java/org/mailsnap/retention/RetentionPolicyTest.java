package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailsnap.model.SnapshotId;

/**
 * The policy against a fixed list of timestamps (in the manner of restic's policy tests): each row is a policy and
 * the indexes (0 = newest) it must keep. Expectations were worked out by hand from the rules in the package doc.
 */
class RetentionPolicyTest {
    /** Newest first; index = position. */
    private static final String[] TIMES = {
        "2016-01-18T12:02:03Z", //  0 Mon, ISO 2016-W03
        "2016-01-18T12:00:00Z", //  1 same hour as 0
        "2016-01-18T11:30:00Z", //  2
        "2016-01-17T23:59:59Z", //  3 Sun, W02 (Mon 00:59 in Berlin)
        "2016-01-12T09:00:00Z", //  4 Tue, W02; tag monthly
        "2016-01-09T21:02:03Z", //  5 Sat, W01
        "2016-01-08T10:02:03Z", //  6 Fri, W01
        "2016-01-03T07:02:03Z", //  7 Sun, ISO 2015-W53
        "2015-12-31T23:00:00Z", //  8 Thu, 2015-W53
        "2015-11-22T10:20:30Z", //  9
        "2015-11-15T10:20:30Z", // 10 tags monthly, important
        "2015-10-01T00:00:00Z", // 11
        "2014-08-08T10:20:30Z", // 12
        "2014-08-01T00:00:00Z", // 13 oldest, same month and year as 12
    };

    private static final ZoneId UTC = ZoneOffset.UTC;

    static List<Candidate> snapshots() {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < TIMES.length; i++) {
            List<String> tags = i == 4 ? List.of("monthly") : i == 10 ? List.of("monthly", "important") : List.of();
            list.add(new Candidate(SnapshotId.parse(String.format("%064d", i)), Instant.parse(TIMES[i]), "g", tags));
        }
        java.util.Collections.shuffle(list, new java.util.Random(13)); // order of input must not matter
        return list;
    }

    private static RetentionPolicy policy(int last, int hourly, int daily, int weekly, int monthly, int yearly) {
        return RetentionPolicy.of(last, hourly, daily, weekly, monthly, yearly, null, List.of());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("last 3", policy(3, 0, 0, 0, 0, 0), UTC, List.of(0, 1, 2)),
                Arguments.of("hourly 3", policy(0, 3, 0, 0, 0, 0), UTC, List.of(0, 2, 3)),
                Arguments.of("daily 3", policy(0, 0, 3, 0, 0, 0), UTC, List.of(0, 3, 4)),
                Arguments.of(
                        "daily 3 in Berlin", policy(0, 0, 3, 0, 0, 0), ZoneId.of("Europe/Berlin"), List.of(0, 4, 5)),
                Arguments.of("weekly 2", policy(0, 0, 0, 2, 0, 0), UTC, List.of(0, 3)),
                Arguments.of(
                        "weekly 4 (ISO week 53 spans the new year)",
                        policy(0, 0, 0, 4, 0, 0),
                        UTC,
                        List.of(0, 3, 5, 7)),
                Arguments.of("monthly 3", policy(0, 0, 0, 0, 3, 0), UTC, List.of(0, 8, 9)),
                Arguments.of(
                        "monthly 10: the oldest is kept too",
                        policy(0, 0, 0, 0, 10, 0),
                        UTC,
                        List.of(0, 8, 9, 11, 12, 13)),
                Arguments.of("yearly 10", policy(0, 0, 0, 0, 0, 10), UTC, List.of(0, 8, 12, 13)),
                Arguments.of(
                        "daily unlimited",
                        policy(0, 0, RetentionPolicy.UNLIMITED, 0, 0, 0),
                        UTC,
                        List.of(0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)),
                Arguments.of("last 1 daily 2 weekly 3", policy(1, 0, 2, 3, 0, 0), UTC, List.of(0, 3, 5)),
                Arguments.of(
                        "within 2d",
                        RetentionPolicy.of(0, 0, 0, 0, 0, 0, KeepWithin.parse("2d"), List.of()),
                        UTC,
                        List.of(0, 1, 2, 3)),
                Arguments.of(
                        "within 1m",
                        RetentionPolicy.of(0, 0, 0, 0, 0, 0, KeepWithin.parse("1m"), List.of()),
                        UTC,
                        List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)),
                Arguments.of(
                        "within 3m17d12h",
                        RetentionPolicy.of(0, 0, 0, 0, 0, 0, KeepWithin.parse("3m17d12h"), List.of()),
                        UTC,
                        List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
                Arguments.of(
                        "tag monthly",
                        RetentionPolicy.of(0, 0, 0, 0, 0, 0, null, List.of("monthly")),
                        UTC,
                        List.of(4, 10)),
                Arguments.of(
                        "tag monthly,important",
                        RetentionPolicy.of(0, 0, 0, 0, 0, 0, null, List.of("monthly,important")),
                        UTC,
                        List.of(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsExactlyTheExpectedSnapshots(String name, RetentionPolicy policy, ZoneId zone, List<Integer> kept) {
        List<Decision> decisions = policy.apply(snapshots(), zone);
        assertEquals(TIMES.length, decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            assertEquals(
                    SnapshotId.parse(String.format("%064d", i)),
                    decisions.get(i).snapshot().id(),
                    "newest first");
        }
        List<Integer> actual = IntStream.range(0, decisions.size())
                .filter(i -> decisions.get(i).keep())
                .boxed()
                .toList();
        assertEquals(kept, actual, name + ": " + reasons(decisions));
    }

    @Test
    void aSnapshotKeptByManyRulesIsListedOnceWithEveryReason() {
        RetentionPolicy policy = RetentionPolicy.of(1, 2, 2, 1, 1, 1, KeepWithin.parse("1h"), List.of());
        List<Decision> decisions = policy.apply(snapshots(), UTC);
        assertEquals(
                List.of(
                        "last snapshot",
                        "hourly snapshot",
                        "daily snapshot",
                        "weekly snapshot",
                        "monthly snapshot",
                        "yearly snapshot",
                        "within 1h"),
                decisions.get(0).reasons());
        assertEquals(List.of("within 1h"), decisions.get(1).reasons());
        assertEquals(List.of("hourly snapshot", "within 1h"), decisions.get(2).reasons());
        assertEquals(List.of("daily snapshot"), decisions.get(3).reasons());
        assertTrue(
                decisions.subList(4, 14).stream().noneMatch(Decision::keep),
                reasons(decisions).toString());
    }

    @Test
    void theOldestIsKeptWhenARuleHasCountLeft() {
        List<Decision> d = policy(0, 0, 0, 0, 0, 10).apply(snapshots(), UTC);
        assertEquals(List.of("oldest yearly snapshot"), d.get(13).reasons());
        assertEquals(List.of("yearly snapshot"), d.get(12).reasons());
    }

    @Test
    void emptyPolicyAndBadValuesAreRecognised() {
        assertTrue(policy(0, 0, 0, 0, 0, 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> policy(-2, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> KeepWithin.parse("7 days"));
        assertThrows(IllegalArgumentException.class, () -> KeepWithin.parse(""));
        assertEquals(new KeepWithin(1, 5, 7, 2), KeepWithin.parse("1y5m7d2h"));
        assertEquals("90d", KeepWithin.parse("90d").toString());
        assertEquals(GroupBy.HOST_PATH, GroupBy.parse("host,path"));
        assertEquals(GroupBy.NONE, GroupBy.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> GroupBy.parse("mailbox"));
        assertTrue(policy(0, 0, 3, 0, 0, 0).apply(List.of(), UTC).isEmpty());
    }

    private static Map<Integer, List<String>> reasons(List<Decision> decisions) {
        Map<Integer, List<String>> m = new TreeMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            m.put(i, decisions.get(i).reasons());
        }
        return m;
    }
}
