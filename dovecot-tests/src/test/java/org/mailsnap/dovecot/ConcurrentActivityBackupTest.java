package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.maildir.lock.LockMode;

/**
 * Backups taken back to back with {@code --lock dovecot} while several IMAP clients APPEND, STORE flags and
 * keywords, MOVE, COPY and EXPUNGE, and LMTP deliveries arrive: every snapshot must be a state the mailbox really
 * had, per folder.
 *
 * <p><b>The oracle.</b> Every message carries a unique marker as its Message-ID. Every change a client or a
 * delivery makes is logged with the interval {@code [start, end]} from just before the command was sent to just
 * after the server confirmed it; Dovecot made the change at some moment inside it. A backup run is likewise
 * bracketed by {@code [t0, t1]}, and its capture held the locks of every folder of the mailbox at once at some
 * moment inside it. While those locks are held Dovecot renames, expunges and commits nothing in the mailbox, so
 * the listing shows Dovecot's own state at one instant L in {@code [t0, t1]} (plus deliveries, which do not take
 * the lock and are in flight anyway if they overlap the run). Hence, per (marker, folder):
 * <ul>
 *   <li>every change that ended before {@code t0} happened before L, and none that started after {@code t1}
 *       happened before it, so where no ADD/REMOVE overlaps {@code [t0, t1]} the presence at L is known exactly:
 *       the snapshot must hold the message exactly once or not at all ("no message lost, none duplicated");</li>
 *   <li>where no change of any kind overlaps the run, its flags and keywords at L are known and must match the
 *       snapshot's file name (keyword letters resolved through the snapshot's own {@code dovecot-keywords});</li>
 *   <li>where an ADD or REMOVE overlaps, either answer is a real state, but never two copies in one folder (a
 *       client never places a marker twice in one folder);</li>
 *   <li>a marker that existed before {@code t0} and was not expunged during the run is in at least one folder:
 *       Dovecot's MOVE links the target before it expunges the source, so no instant has it nowhere. (The
 *       converse, "never in both", cannot be asserted: Dovecot commits a MOVE's copy and its expunge one after the
 *       other, each under its own folder's lock, so an instant with both exists; such snapshots are counted.)</li>
 * </ul>
 * The oracle's inputs are checked too: once everything stopped, IMAP FETCH of every folder must equal what the
 * clients believe they did, and a last backup in quiet must equal it exactly, flags included.
 *
 * <p>When a listed message is in no folder by the time its bytes are read (expunged, or moved on faster than the
 * search by base followed it), the engine captures the mailbox again, so the snapshot is the later listing's moment;
 * each run prints how often that happened.
 *
 * <p>Clients only touch messages they appended themselves, so each client's model is exact; deliveries land in
 * INBOX (in {@code new/}) and are then only moved to {@code cur/} by Dovecot. Randomness is seeded (printed); the
 * interleaving with Dovecot is not reproducible, only the clients' choices.
 */
class ConcurrentActivityBackupTest {

    private static final String USER = "carla";
    private static final List<String> FOLDERS = List.of("INBOX", "Archive", "Work", "Lists");
    private static final int CLIENTS = 4;
    private static final int MAX_OPERATIONS_PER_CLIENT = 600;
    private static final int MAX_DELIVERIES = 200;
    private static final int WARM_UP_OPERATIONS = 25;
    private static final int BACKUPS = 7;
    private static final long JOIN_SECONDS = 120;
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^@>\\s]+)@mailsnap\\.test>");

    private static DovecotServer dovecot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        dovecot = DovecotServer.start();
    }

    /**
     * Dovecot's own reaction to this workload, not to a backup: a client moves a message back into a folder it was
     * expunged from before that folder's uidlist dropped the old record, so the base is appended a second time and
     * the next reader warns and keeps the newer UID (Dovecot 2.3 maildir-uidlist.c: "This can happen if expunged file
     * is moved back and the file was appended to uidlist"). The merge restore test, where this would be our fault,
     * allows nothing of the kind.
     */
    private static final Pattern MOVED_BACK_BY_A_CLIENT =
            Pattern.compile("dovecot-uidlist: Duplicate file entry at line \\d+: \\S+ \\(uid \\d+ -> \\d+\\)");

    @AfterAll
    static void stop() throws IOException {
        dovecot.stop();
        // warnings the problem check does not count are still worth seeing next to a failure
        dovecot.logText()
                .lines()
                .filter(line -> line.contains("Warning:") && !line.contains("Killed with signal"))
                .forEach(line -> System.out.println("Dovecot log: " + line));
        List<String> problems = dovecot.logProblems().stream()
                .filter(line -> !MOVED_BACK_BY_A_CLIENT.matcher(line).find())
                .toList();
        assertEquals(List.of(), problems, "Dovecot logged problems");
        dovecot.close();
    }

    @Test
    void everySnapshotIsAStateTheMailboxReallyHad() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ConcurrentActivityBackupTest seed " + seed);
        try (ImapSession setup = dovecot.imapSession(USER)) {
            for (String folder : FOLDERS.subList(1, FOLDERS.size())) {
                setup.create(folder);
            }
        }
        ActivityLog log = new ActivityLog();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(CLIENTS + 1);
        List<ImapClientActivity> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new ImapClientActivity(
                    dovecot,
                    USER,
                    "c" + i,
                    FOLDERS,
                    seed + i,
                    log,
                    stop,
                    MAX_OPERATIONS_PER_CLIENT,
                    warmedUp,
                    WARM_UP_OPERATIONS));
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        FolderLocker locker = LockMode.DOVECOT.defaultLocker();
        record Run(BackupResult result, long t0, long t1) {}
        List<Run> runs = new ArrayList<>();
        try (DovecotBackups backups =
                new DovecotBackups(tmp.resolve("backup"), dovecot.mailDir(USER).getParent())) {
            List<Future<Integer>> workers = new ArrayList<>();
            for (ImapClientActivity client : clients) {
                workers.add(threads.submit(client));
            }
            Future<Integer> deliveries = threads.submit(() -> deliver(log, stop, warmedUp));
            try {
                assertTrue(warmedUp.await(JOIN_SECONDS, TimeUnit.SECONDS), "clients and deliveries got going");
                for (int i = 0; i < BACKUPS; i++) {
                    long t0 = System.nanoTime();
                    BackupResult result = backups.backup(locker);
                    long t1 = System.nanoTime();
                    runs.add(new Run(result, t0, t1));
                }
            } finally {
                stop.set(true);
            }
            int operations = 0;
            for (Future<Integer> worker : workers) {
                operations += worker.get(JOIN_SECONDS, TimeUnit.SECONDS);
            }
            int delivered = deliveries.get(JOIN_SECONDS, TimeUnit.SECONDS);
            System.out.printf(
                    "%d client operations, %d deliveries, %d logged changes, %d UIDs changed by Dovecot, %d UID EXPUNGEs"
                            + " and %d UID STOREs repeated%n",
                    operations,
                    delivered,
                    log.size(),
                    clients.stream().mapToInt(ImapClientActivity::renumbered).sum(),
                    clients.stream()
                            .mapToInt(ImapClientActivity::expungesRepeated)
                            .sum(),
                    clients.stream()
                            .mapToInt(ImapClientActivity::storesRepeated)
                            .sum());

            Map<String, Map<String, Set<String>>> expected = expectedFinalState(clients, log);
            Map<String, Map<String, Set<String>>> imap = imapState();
            assertEquals(
                    expected,
                    imap,
                    "Dovecot's final state is what the clients did (the oracle's input): "
                            + differences(expected, imap, log));

            List<ActivityLog.Event> events = log.events();
            int runsWithActivity = 0;
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                assertFalse(
                        run.result().partial(),
                        "snapshot " + i + ": " + run.result().problems());
                SnapshotOracle.Verdict verdict =
                        SnapshotOracle.judge(events, run.t0(), run.t1(), backups.contents(run.result(), USER));
                System.out.printf(
                        "snapshot %d listed again %d, vanished %d, problems %s%n",
                        i,
                        run.result().progress().recaptured.get(),
                        run.result().progress().vanished.get(),
                        run.result().problems());
                System.out.printf(
                        "snapshot %d (%.0f ms, lock %.1f ms, read %d): %s%n",
                        i,
                        (run.t1() - run.t0()) / 1e6,
                        run.result().snapshot().stats().lockHoldMaxNanos() / 1e6,
                        run.result().progress().messagesRead.get(),
                        verdict);
                assertEquals(List.of(), verdict.violations(), "snapshot " + i + " (seed " + seed + ")");
                assertTrue(verdict.settledPresent() > 0, "snapshot " + i + " had settled messages to check");
                if (events.stream().anyMatch(e -> e.overlaps(run.t0(), run.t1()))) {
                    runsWithActivity++;
                }
            }
            assertTrue(
                    runsWithActivity >= BACKUPS / 2,
                    "most backups ran while clients were busy (" + runsWithActivity + " of " + BACKUPS + ")");

            long t0 = System.nanoTime();
            BackupResult quiet = backups.backup(locker);
            long t1 = System.nanoTime();
            SnapshotContents last = backups.contents(quiet, USER);
            SnapshotOracle.Verdict verdict = SnapshotOracle.judge(events, t0, t1, last);
            assertEquals(List.of(), verdict.violations(), "the backup in quiet (seed " + seed + ")");
            assertEquals(0, verdict.inFlight());
            assertEquals(expected, snapshotState(last), "the backup in quiet holds exactly the final state");
        } finally {
            stop.set(true);
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(JOIN_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** LMTP deliveries to INBOX, one after the other, until stopped; returns how many. */
    private static int deliver(ActivityLog log, AtomicBoolean stop, CountDownLatch warmedUp) throws IOException {
        int delivered = 0;
        try {
            while (!stop.get() && delivered < MAX_DELIVERIES) {
                String marker = "d-" + delivered;
                long start = System.nanoTime();
                dovecot.deliver(USER, TestMessages.message(marker, "Delivered over LMTP."));
                long end = System.nanoTime();
                log.add(new ActivityLog.Event(
                        marker, "INBOX", ActivityLog.Change.ADD, start, end, Set.of(), false, "LMTP delivery"));
                if (++delivered == WARM_UP_OPERATIONS) {
                    warmedUp.countDown();
                }
            }
        } finally {
            if (delivered < WARM_UP_OPERATIONS) {
                warmedUp.countDown();
            }
        }
        return delivered;
    }

    /** Folder to marker to flags, from the clients' models and the deliveries (which nobody touches). */
    private static Map<String, Map<String, Set<String>>> expectedFinalState(
            List<ImapClientActivity> clients, ActivityLog log) {
        Map<String, Map<String, Set<String>>> state = new TreeMap<>();
        FOLDERS.forEach(f -> state.put(f, new TreeMap<>()));
        for (ImapClientActivity client : clients) {
            client.model()
                    .forEach((folder, markers) ->
                            markers.forEach((marker, flags) -> state.get(folder).put(marker, new TreeSet<>(flags))));
        }
        log.events().stream()
                .filter(e -> e.marker().startsWith("d-"))
                .forEach(e -> state.get("INBOX").put(e.marker(), new TreeSet<>()));
        return state;
    }

    private static Map<String, Map<String, Set<String>>> imapState() throws IOException {
        Map<String, Map<String, Set<String>>> state = new TreeMap<>();
        try (ImapSession imap = dovecot.imapSession(USER)) {
            for (String folder : FOLDERS) {
                Map<String, Set<String>> markers = new TreeMap<>();
                for (FetchedMessage m : imap.fetchAll(folder)) {
                    Matcher id = MESSAGE_ID.matcher(new String(m.body(), StandardCharsets.ISO_8859_1));
                    String marker = id.find() ? id.group(1) : "<no marker, uid " + m.uid() + ">";
                    if (markers.put(marker, new TreeSet<>(m.flags())) != null) {
                        markers.put(marker + " (twice)", Set.of());
                    }
                }
                state.put(folder, markers);
            }
        }
        return state;
    }

    /** Where two states differ, with the logged history of each marker concerned. */
    private static String differences(
            Map<String, Map<String, Set<String>>> expected,
            Map<String, Map<String, Set<String>>> actual,
            ActivityLog log) {
        StringBuilder text = new StringBuilder();
        for (String folder : FOLDERS) {
            Map<String, Set<String>> e = expected.getOrDefault(folder, Map.of());
            Map<String, Set<String>> a = actual.getOrDefault(folder, Map.of());
            Set<String> markers = new TreeSet<>(e.keySet());
            markers.addAll(a.keySet());
            for (String marker : markers) {
                if (!java.util.Objects.equals(e.get(marker), a.get(marker))) {
                    text.append("\n  ")
                            .append(folder)
                            .append(" ")
                            .append(marker)
                            .append(": expected ")
                            .append(e.get(marker))
                            .append(", found ")
                            .append(a.get(marker))
                            .append("; history: ")
                            .append(log.events().stream()
                                    .filter(x -> x.marker().equals(marker))
                                    .map(x -> x.command() + " " + x.folder() + " " + x.change())
                                    .toList());
                }
            }
        }
        return text.toString();
    }

    private static Map<String, Map<String, Set<String>>> snapshotState(SnapshotContents snapshot) {
        Map<String, Map<String, Set<String>>> state = new TreeMap<>();
        FOLDERS.forEach(f -> state.put(f, new TreeMap<>()));
        Map<String, Integer> seen = new HashMap<>();
        for (SnapshotContents.Message m : snapshot.all()) {
            String key = m.folder() + "/" + m.marker();
            String marker = seen.merge(key, 1, Integer::sum) > 1 ? m.marker() + " (twice)" : m.marker();
            state.computeIfAbsent(m.folder(), f -> new TreeMap<>()).put(marker, new TreeSet<>(m.flags()));
        }
        return state;
    }
}
