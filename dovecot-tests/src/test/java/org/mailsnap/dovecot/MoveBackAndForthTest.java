package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/**
 * IMAP clients move their messages back and forth between INBOX and Archive (UID MOVE, many round trips per message,
 * now and then a flag or keyword change) while backups run back to back. Dovecot re-bases a message each time it is
 * moved back into a folder whose uidlist still knows its base (new base, original GUID in the uidlist's {@code G}),
 * so after a while many messages have a GUID that is not their base, and a snapshot's base for a message is often
 * not the live one.
 * <ul>
 *   <li><b>Merge.</b> After 20 backups under load the clients go on for a few more moves, stop, and a few messages
 *       are expunged over IMAP; a merge restore of the last snapshot must bring exactly those back (same body, in
 *       the folder and with the flags the snapshot had; Dovecot's GUID of each is the base the merge wrote, which is
 *       its GUID unless the folder's uidlist still lists that) and write nothing the mailbox still has under another base or in another folder: every marker and every
 *       GUID once in the mailbox, every other message untouched (UID, GUID, flags), and Dovecot logs no duplicate,
 *       nothing fixed, nothing about the uidlist (in particular no expunged message reappearing).</li>
 *   <li><b>Point in time.</b> A snapshot taken after such moves with the clients stopped, restored into an empty
 *       directory and served by Dovecot as a new user, shows the same UIDVALIDITY, UIDNEXT, UIDs, GUIDs, flags,
 *       keywords, INTERNALDATEs and bodies as Dovecot reported right after that backup.</li>
 * </ul>
 * Randomness (which message, which flag, which messages are expunged) is seeded and printed; the interleaving with
 * the backups is not reproducible.
 */
class MoveBackAndForthTest {

    private static final List<String> FOLDERS = List.of("INBOX", "Archive");
    private static final List<String> KEYWORDS = List.of("$Label1", "Work", "$Junk");
    private static final int CLIENTS = 2;
    private static final int MESSAGES_PER_CLIENT = 6;
    private static final int MAX_OPERATIONS_PER_CLIENT = 4000;
    private static final int MOVES_AFTER_LAST_BACKUP = 25;
    private static final int EXPUNGED = 4;
    private static final long JOIN_SECONDS = 60;

    private static DovecotServer dovecot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        dovecot = DovecotServer.start();
    }

    @AfterAll
    static void stop() throws IOException {
        dovecot.stop();
        List<String> duplicatesOrFixes = dovecot.logText()
                .lines()
                .filter(line -> line.contains("Duplicate") || line.contains("Fixed"))
                .toList();
        assertEquals(List.of(), duplicatesOrFixes, "Dovecot logged a duplicate or a fix");
        dovecot.assertLogClean();
        dovecot.close();
    }

    @Test
    void mergeOfTheLastSnapshotBringsBackTheExpungedAndDuplicatesNothing() throws Exception {
        String user = "mona";
        long seed = System.nanoTime();
        System.out.println("MoveBackAndForthTest merge seed " + seed);
        Random random = new Random(seed);
        try (DovecotBackups backups =
                new DovecotBackups(tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            List<MovingClient> clients = setUp(user, random);
            List<BackupResult> runs = backUpUnderLoad(backups, clients, 20, MOVES_AFTER_LAST_BACKUP);
            BackupResult last = runs.get(runs.size() - 1);
            SnapshotContents snapshot = backups.contents(last, user);
            // whatever the clients' last moves did, one message the snapshot has under its base is now under another
            String rebasedAfter = user + "-stays-too-INBOX";
            roundTripUntilRebased(user, rebasedAfter);
            DovecotView before = DovecotView.record(dovecot, user, FOLDERS);
            int rebasedSinceSnapshot = rebasedSince(user, snapshot);
            System.out.printf(
                    "%d messages live, %d with a GUID that is not their base, %d under another base than"
                            + " in the last snapshot%n",
                    before.byMarker().size(), rebased(user), rebasedSinceSnapshot);

            assertPlacementsCarryTheUidlistGuids(snapshot);
            Map<String, SnapshotContents.Message> inSnapshot = new HashMap<>();
            Map<String, Integer> placements = new HashMap<>();
            for (SnapshotContents.Message m : snapshot.all()) {
                inSnapshot.put(m.marker(), m);
                placements.merge(m.marker(), 1, Integer::sum);
            }
            // A snapshot may catch a MOVE between its copy and its expunge (Dovecot commits them one by one): such
            // a message is in both folders of that snapshot, and a merge after expunging it would rightly put back
            // both. Expunge messages the snapshot holds once.
            List<String> candidates =
                    new ArrayList<>(new TreeSet<>(before.byMarker().keySet()));
            candidates.removeIf(marker -> placements.getOrDefault(marker, 0) != 1 || marker.equals(rebasedAfter));
            Collections.shuffle(candidates, random);
            // re-based ones first: their way back (under their GUID) is the one a merge can get wrong
            candidates.sort(Comparator.comparing(marker ->
                    inSnapshot.get(marker).guid().equals(inSnapshot.get(marker).base())));
            List<String> expunged = candidates.subList(0, EXPUNGED);
            try (ImapSession imap = dovecot.imapSession(user)) {
                for (String marker : expunged) {
                    DovecotView.Message m = before.byMarker().get(marker);
                    imap.expunge(m.folder(), m.uid());
                }
            }

            RestoreResult merged = backups.restore(last.snapshotId(), user, dovecot.mailDir(user), RestoreMode.MERGE);

            long underAnotherName =
                    merged.notes().stream().filter(n -> n.contains("same GUID")).count();
            System.out.printf(
                    "expunged %s; merge wrote %d, skipped %d, %d notes (%d under another name): %s%n",
                    expunged,
                    merged.messages(),
                    merged.skipped(),
                    merged.notes().size(),
                    underAnotherName,
                    merged.notes());
            assertEquals(EXPUNGED, merged.messages(), "exactly the expunged messages were written: " + merged);
            DovecotView after = DovecotView.record(dovecot, user, FOLDERS); // fails on a duplicate marker or GUID
            assertEquals(before.byMarker().keySet(), after.byMarker().keySet(), "every message once, none lost");
            int sameGuid = 0;
            for (DovecotView.Message was : before.byMarker().values()) {
                DovecotView.Message now = after.byMarker().get(was.marker());
                assertArrayEquals(was.body(), now.body(), was.marker() + ": body");
                if (expunged.contains(was.marker())) {
                    SnapshotContents.Message saved = inSnapshot.get(was.marker());
                    assertEquals(saved.folder(), now.folder(), was.marker() + ": back where the snapshot had it");
                    assertEquals(saved.flags(), now.flags(), was.marker() + ": with the snapshot's flags");
                    System.out.printf(
                            "%s: GUID %s before the expunge, %s in the snapshot, %s after the merge%n",
                            was.marker(), was.guid(), saved.guid(), now.guid());
                    // A merge never writes the uidlist, so Dovecot's GUID of a returned message is the base it was
                    // written under: its GUID where the folder's uidlist does not list that, else the snapshot's
                    // base, else (listed too) a fresh one. Each name change is noted.
                    String written = merged.notes().stream()
                            .filter(n -> n.contains("/" + saved.name() + " as "))
                            .map(n -> n.substring(n.indexOf(" as ") + 4, n.indexOf(':', n.indexOf(" as "))))
                            .findFirst()
                            .orElse(saved.base());
                    assertEquals(written, now.guid(), was.marker() + ": Dovecot's GUID is the base written");
                    if (now.guid().equals(was.guid())) {
                        sameGuid++;
                    }
                } else {
                    assertEquals(
                            List.of(was.folder(), was.uid(), was.guid(), was.flags()),
                            List.of(now.folder(), now.uid(), now.guid(), now.flags()),
                            was.marker() + " untouched");
                }
            }
            System.out.printf("%d of %d returned with the GUID they had%n", sameGuid, EXPUNGED);
            assertTrue(
                    rebasedSinceSnapshot > 0 && underAnotherName > 0,
                    "the scenario must exercise a merge that"
                            + " finds messages under another base than the snapshot's (seed " + seed + ")");
            assertEquals(List.of(), dovecot.logProblems(), "Dovecot's log so far");
        }
    }

    @Test
    void aSnapshotAfterManyMovesRestoresWithDovecotsUidsAndGuids() throws Exception {
        String user = "milo";
        long seed = System.nanoTime();
        System.out.println("MoveBackAndForthTest point-in-time seed " + seed);
        try (DovecotBackups backups =
                new DovecotBackups(tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            List<MovingClient> clients = setUp(user, new Random(seed));
            backUpUnderLoad(backups, clients, 6, 0);
            roundTripUntilRebased(user, user + "-stays-too-INBOX");
            DovecotView before = DovecotView.record(dovecot, user, FOLDERS);
            BackupResult still = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(still.partial(), still.problems().toString());
            DovecotView recorded = DovecotView.record(dovecot, user, FOLDERS);
            for (String folder : FOLDERS) {
                assertEquals(
                        before.folder(folder).doveadmFetch(),
                        recorded.folder(folder).doveadmFetch(),
                        "the backup changed nothing in " + folder);
            }
            int rebased = rebased(user);
            System.out.printf(
                    "%d messages, %d with a GUID that is not their base%n",
                    recorded.byMarker().size(), rebased);
            assertTrue(rebased > 0, "the moves made Dovecot re-base messages (seed " + seed + ")");

            String restoredUser = user + "-restored";
            Path target = dovecot.mailDir(restoredUser);
            RestoreResult restored = backups.restore(still.snapshotId(), user, target, RestoreMode.EMPTY_TARGET);
            dovecot.giveToMailUser(target);
            assertEquals(recorded.byMarker().size(), restored.messages());

            DovecotView served = DovecotView.record(dovecot, restoredUser, FOLDERS);
            for (String folder : FOLDERS) {
                DovecotView.Folder e = recorded.folder(folder);
                DovecotView.Folder a = served.folder(folder);
                assertEquals(e.doveadmFetch(), a.doveadmFetch(), folder + ": doveadm fetch uid guid flags date");
                assertEquals(
                        List.of(
                                e.status().uidValidity(),
                                e.status().uidNext(),
                                e.status().messages()),
                        List.of(
                                a.status().uidValidity(),
                                a.status().uidNext(),
                                a.status().messages()),
                        folder + ": UIDVALIDITY, UIDNEXT, MESSAGES");
                assertEquals(e.messages().size(), a.messages().size(), folder + ": FETCH count");
                for (int i = 0; i < e.messages().size(); i++) {
                    DovecotView.Message em = e.messages().get(i);
                    DovecotView.Message am = a.messages().get(i);
                    assertEquals(
                            List.of(em.marker(), em.uid(), em.guid(), em.flags()),
                            List.of(am.marker(), am.uid(), am.guid(), am.flags()),
                            folder + ": UID " + em.uid());
                    assertArrayEquals(em.body(), am.body(), folder + ": body of UID " + em.uid());
                }
            }
        }
    }

    /**
     * Creates Archive, appends messages that stay where they are (one per folder with every keyword, so both
     * folders' {@code dovecot-keywords} know every name) and the messages the clients will move, half in each
     * folder, with random flags and keywords; returns the clients, not started.
     */
    private static List<MovingClient> setUp(String user, Random random) throws IOException {
        List<MovingClient> clients = new ArrayList<>();
        try (ImapSession imap = dovecot.imapSession(user)) {
            imap.create("Archive");
            for (String folder : FOLDERS) {
                imap.append(
                        folder,
                        TestMessages.message(user + "-stays-" + folder, "never moved"),
                        KEYWORDS.toArray(String[]::new));
                imap.append(folder, TestMessages.message(user + "-stays-too-" + folder, "never moved"), "\\Seen");
            }
            dovecot.deliver(user, TestMessages.message(user + "-delivered", "over LMTP"));
            for (int c = 0; c < CLIENTS; c++) {
                MovingClient client =
                        new MovingClient(dovecot, user, FOLDERS, random.nextLong(), MAX_OPERATIONS_PER_CLIENT);
                for (int i = 0; i < MESSAGES_PER_CLIENT; i++) {
                    String marker = user + "-c" + c + "-" + i;
                    String folder = FOLDERS.get(i % 2);
                    List<String> flags = new ArrayList<>();
                    for (String flag : ImapClientActivity.FLAGS) {
                        if (random.nextInt(3) == 0) {
                            flags.add(flag);
                        }
                    }
                    byte[] message = TestMessages.message(
                            marker, "Moved back and forth.", "Filler " + "z".repeat(random.nextInt(3000)));
                    client.own(folder, imap.append(folder, message, flags.toArray(String[]::new)));
                }
                clients.add(client);
            }
        }
        return clients;
    }

    /**
     * Starts the clients, runs {@code backups} back to back once each client has moved something, lets each
     * client do {@code movesAfter} more operations, and waits for the clients to end; returns the runs.
     */
    private static List<BackupResult> backUpUnderLoad(
            DovecotBackups backups, List<MovingClient> clients, int count, int movesAfter) throws Exception {
        FolderLocker locker = LockMode.DOVECOT.defaultLocker();
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        List<BackupResult> runs = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (MovingClient client : clients) {
                workers.add(threads.submit(client));
            }
            for (MovingClient client : clients) {
                assertTrue(client.awaitStarted(JOIN_SECONDS), "the clients got going");
            }
            int movesBefore = clients.stream().mapToInt(MovingClient::moves).sum();
            MovingClient paced = clients.get(0);
            int pacedBefore = paced.moves();
            for (int i = 0; i < count; i++) {
                // a backup can take less time than an IMAP MOVE: wait for one more move before each run, so every
                // run meets a store that changed since the previous one
                assertTrue(paced.awaitMoves(pacedBefore + i + 1, JOIN_SECONDS), "client 0 moved before backup " + i);
                BackupResult run = backups.backup(locker);
                assertFalse(run.partial(), "backup " + i + ": " + run.problems());
                runs.add(run);
            }
            int movesDuring = clients.stream().mapToInt(MovingClient::moves).sum() - movesBefore;
            System.out.printf("%d moves during the %d backups%n", movesDuring, count);
            assertTrue(movesDuring >= count, "the clients kept moving while the backups ran: " + movesDuring);
            for (int i = 0; i < clients.size(); i++) {
                if (workers.get(i).isDone()) {
                    workers.get(i).get(); // a client that failed throws here
                    throw new AssertionError("client " + i + " ran out of operations before the last backup");
                }
                clients.get(i).finishAfter(movesAfter);
            }
            for (Future<Integer> worker : workers) {
                worker.get(JOIN_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            clients.forEach(c -> c.finishAfter(0));
            threads.shutdown();
            assertTrue(threads.awaitTermination(JOIN_SECONDS, TimeUnit.SECONDS));
        }
        long read = runs.stream()
                .skip(1)
                .mapToLong(r -> r.progress().messagesRead.get())
                .sum();
        System.out.printf(
                "%d backups in %.1f s while %d clients did %d moves; messages read after the first run:" + " %d%n",
                count,
                (System.nanoTime() - start) / 1e9,
                clients.size(),
                clients.stream().mapToInt(MovingClient::moves).sum(),
                read);
        assertEquals(0, read, "after the first run every message is known: moves are renames, never re-read");
        return runs;
    }

    /**
     * Moves one message INBOX → Archive → INBOX until Dovecot gives it a new base (at most three round trips: a
     * move out may happen to be the one after which Dovecot rewrites INBOX's uidlist without the base), so the
     * snapshot surely holds a re-based message whatever the clients' moves left.
     */
    private static void roundTripUntilRebased(String user, String marker) throws IOException {
        try (ImapSession imap = dovecot.imapSession(user)) {
            long uid = imap.uidByMessageId("INBOX", "<" + marker + "@mailsnap.test>");
            String guid = DovecotGuids.byUid(dovecot, user, "INBOX").get(uid);
            for (int trip = 0; trip < 3; trip++) {
                uid = imap.move("Archive", imap.move("INBOX", uid, "Archive"), "INBOX");
                if (!guid.equals(
                        DovecotGuids.liveBasesByGuid(dovecot, user, FOLDERS).get(guid))) {
                    return;
                }
            }
            throw new AssertionError(marker + " kept its base " + guid + " over three round trips");
        }
    }

    /** Every placement of the snapshot records the GUID its folder's uidlist of that moment gives its base. */
    private static void assertPlacementsCarryTheUidlistGuids(SnapshotContents snapshot) throws IOException {
        int rebased = 0;
        for (String folder : FOLDERS) {
            Map<String, String> guids = Uidlist.parse(snapshot.controlFile(folder, "dovecot-uidlist"), folder)
                    .guidsByBase();
            for (SnapshotContents.Message m : snapshot.messages(folder)) {
                assertEquals(guids.getOrDefault(m.base(), m.base()), m.guid(), folder + "/" + m.name() + ": GUID");
                rebased += m.guid().equals(m.base()) ? 0 : 1;
            }
        }
        System.out.printf("the snapshot holds %d placements whose GUID is not their base%n", rebased);
    }

    /** Messages of the user whose file's base is not their GUID (Dovecot re-based them). */
    private static int rebased(String user) throws IOException {
        Map<String, String> live = DovecotGuids.liveBasesByGuid(dovecot, user, FOLDERS);
        return (int) live.entrySet().stream()
                .filter(e -> !e.getKey().equals(e.getValue()))
                .count();
    }

    /** Messages of the snapshot that the live mailbox has under another base (same GUID). */
    private static int rebasedSince(String user, SnapshotContents snapshot) throws IOException {
        Map<String, String> live = DovecotGuids.liveBasesByGuid(dovecot, user, FOLDERS);
        return (int) snapshot.all().stream()
                .filter(m -> live.containsKey(m.guid()) && !live.get(m.guid()).equals(m.base()))
                .count();
    }
}
