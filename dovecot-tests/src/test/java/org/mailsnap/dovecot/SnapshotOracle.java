package org.mailsnap.dovecot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one snapshot of a mailbox against the {@link ActivityLog}, knowing only that the snapshot's lock was held
 * at some moment inside the backup run {@code [t0, t1]} (see {@link ConcurrentActivityBackupTest} for why this is
 * sound). Per (marker, folder):
 * <ul>
 *   <li><b>settled</b>: no ADD or REMOVE of it overlaps the run. Its presence is then known (the state after the
 *       last ADD/REMOVE that ended before {@code t0}) and the snapshot must hold it exactly that often (0 or 1);
 *       if no event of any kind overlaps, its flags are known too and must match.</li>
 *   <li><b>in flight</b>: an ADD or REMOVE overlaps the run: the snapshot may hold it 0 or 1 times.</li>
 *   <li>never more than once in a folder; never a marker or a (marker, folder) that no event had placed by
 *       {@code t1}.</li>
 * </ul>
 * Per marker: if it was somewhere before {@code t0} and no EXPUNGE of it overlaps the run (only moves, which place
 * the target before they remove the source), the snapshot must hold it in at least one folder.
 */
final class SnapshotOracle {

    /** The outcome for one snapshot. */
    record Verdict(
            int settledPresent,
            int settledAbsent,
            int flagsChecked,
            int inFlight,
            int gainedFolders,
            List<String> violations) {
        @Override
        public String toString() {
            return "settled present " + settledPresent + ", settled absent " + settledAbsent + ", flags checked "
                    + flagsChecked + ", in flight " + inFlight
                    + ", in more folders than before (copy or move in flight) " + gainedFolders
                    + ", violations " + violations.size();
        }
    }

    private record Key(String marker, String folder) {}

    private SnapshotOracle() {}

    static Verdict judge(List<ActivityLog.Event> allEvents, long t0, long t1, SnapshotContents snapshot) {
        Map<Key, List<ActivityLog.Event>> byKey = new HashMap<>();
        for (ActivityLog.Event e : allEvents) {
            if (e.start() <= t1) { // what started after the run cannot be in the snapshot
                byKey.computeIfAbsent(new Key(e.marker(), e.folder()), k -> new ArrayList<>())
                        .add(e);
            }
        }
        byKey.values().forEach(list -> list.sort(Comparator.comparingLong(ActivityLog.Event::start)));

        Map<Key, Integer> counts = new HashMap<>();
        for (SnapshotContents.Message m : snapshot.all()) {
            counts.merge(new Key(m.marker(), m.folder()), 1, Integer::sum);
        }
        Map<Key, Set<String>> snapshotFlags = new HashMap<>();
        snapshot.all().forEach(m -> snapshotFlags.put(new Key(m.marker(), m.folder()), m.flags()));

        List<String> violations = new ArrayList<>();
        int settledPresent = 0;
        int settledAbsent = 0;
        int flagsChecked = 0;
        int inFlight = 0;
        Map<String, Set<String>> presentBefore = new HashMap<>();
        Set<String> expungedDuringRun = new HashSet<>();
        for (Map.Entry<Key, List<ActivityLog.Event>> entry : byKey.entrySet()) {
            Key key = entry.getKey();
            boolean present = false;
            Set<String> flags = Set.of();
            boolean presenceInFlight = false;
            boolean anyInFlight = false;
            for (ActivityLog.Event e : entry.getValue()) {
                if (e.end() < t0) {
                    if (e.change() != ActivityLog.Change.REMOVE) {
                        present = true;
                        flags = e.flagsAfter();
                    } else {
                        present = false;
                    }
                } else {
                    anyInFlight = true;
                    presenceInFlight |= e.changesPresence();
                    if (e.expunge()) {
                        expungedDuringRun.add(key.marker());
                    }
                }
            }
            if (present) {
                presentBefore
                        .computeIfAbsent(key.marker(), m -> new TreeSet<>())
                        .add(key.folder());
            }
            int count = counts.getOrDefault(key, 0);
            String history = key.marker() + " in " + key.folder() + " (events: " + describe(entry.getValue(), t0) + ")";
            if (count > 1) {
                violations.add("duplicated " + count + " times: " + history);
            } else if (presenceInFlight) {
                inFlight++;
            } else if (present && count == 0) {
                violations.add("lost: " + history);
            } else if (!present && count == 1) {
                violations.add("present although it was not there during the run: " + history);
            } else if (present) {
                settledPresent++;
                if (!anyInFlight) {
                    flagsChecked++;
                    Set<String> seen = snapshotFlags.get(key);
                    if (!new TreeSet<>(flags).equals(new TreeSet<>(seen))) {
                        violations.add("flags " + seen + " instead of " + new TreeSet<>(flags) + ": " + history);
                    }
                }
            } else {
                settledAbsent++;
            }
        }
        for (Key key : counts.keySet()) {
            if (!byKey.containsKey(key)) {
                violations.add("the snapshot has " + key.marker() + " in " + key.folder()
                        + ", where no client or delivery had put it by the end of the run");
            }
        }
        int gainedFolders = 0;
        for (Map.Entry<String, Set<String>> alive : presentBefore.entrySet()) {
            String marker = alive.getKey();
            if (expungedDuringRun.contains(marker)) {
                continue;
            }
            long placements = counts.entrySet().stream()
                    .filter(c -> c.getKey().marker().equals(marker))
                    .count();
            if (placements == 0) {
                violations.add("lost everywhere: " + marker + " was in " + alive.getValue()
                        + " before the run and was not expunged during it (events: "
                        + describe(
                                allEvents.stream()
                                        .filter(e -> e.marker().equals(marker) && e.start() <= t1)
                                        .sorted(Comparator.comparingLong(ActivityLog.Event::start))
                                        .toList(),
                                t0)
                        + ")");
            }
            if (placements > alive.getValue().size()) {
                gainedFolders++; // a COPY, or a MOVE caught between its copy and its expunge (Dovecot commits them one
                // by one)
            }
        }
        return new Verdict(settledPresent, settledAbsent, flagsChecked, inFlight, gainedFolders, violations);
    }

    private static String describe(List<ActivityLog.Event> events, long t0) {
        StringBuilder text = new StringBuilder();
        for (ActivityLog.Event e : events) {
            text.append(text.length() == 0 ? "" : "; ")
                    .append(e.command())
                    .append(" ")
                    .append(e.change())
                    .append(e.flagsAfter().isEmpty() ? "" : " " + new TreeSet<>(e.flagsAfter()))
                    .append(String.format(" at %+.1f..%+.1f ms", (e.start() - t0) / 1e6, (e.end() - t0) / 1e6));
        }
        return text.toString();
    }
}
