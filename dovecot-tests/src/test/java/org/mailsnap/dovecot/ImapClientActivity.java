package org.mailsnap.dovecot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One IMAP client of the concurrency scenario: on its own connection it APPENDs new messages, STOREs flags and
 * keywords, MOVEs, COPYs and EXPUNGEs, only ever touching messages it appended itself, so its own model (which
 * marker is in which folder with which UID and flags) is exact, and every change goes to the {@link ActivityLog}
 * with its interval. A marker is never placed twice in one folder (COPY and MOVE only target folders without it).
 * Runs until told to stop or until {@code maxOperations}.
 */
final class ImapClientActivity implements Callable<Integer> {

    static final List<String> FLAGS =
            List.of("\\Seen", "\\Flagged", "\\Answered", "\\Draft", "$Label1", "Work", "$Junk");

    /** One placement the client owns. */
    private record Copy(String marker, String folder) {}

    private final DovecotServer dovecot;
    private final String user;
    private final String name;
    private final List<String> folders;
    private final Random random;
    private final ActivityLog log;
    private final AtomicBoolean stop;
    private final int maxOperations;
    private final CountDownLatch warmedUp;
    private final int warmUpOperations;

    private final Map<Copy, Long> uids = new HashMap<>();
    private final Map<Copy, Set<String>> flags = new HashMap<>();
    private final List<Copy> copies = new ArrayList<>();
    private int appended;
    private int renumbered;
    private int expungesRepeated;
    private int storesRepeated;

    ImapClientActivity(
            DovecotServer dovecot,
            String user,
            String name,
            List<String> folders,
            long seed,
            ActivityLog log,
            AtomicBoolean stop,
            int maxOperations,
            CountDownLatch warmedUp,
            int warmUpOperations) {
        this.dovecot = dovecot;
        this.user = user;
        this.name = name;
        this.folders = List.copyOf(folders);
        this.random = new Random(seed);
        this.log = log;
        this.stop = stop;
        this.maxOperations = maxOperations;
        this.warmedUp = warmedUp;
        this.warmUpOperations = warmUpOperations;
    }

    /** Returns the number of operations done. */
    @Override
    public Integer call() throws IOException {
        int done = 0;
        try (ImapSession imap = dovecot.imapSession(user)) {
            while (!stop.get() && done < maxOperations) {
                operate(imap);
                if (++done == warmUpOperations) {
                    warmedUp.countDown();
                }
            }
        } finally {
            if (done < warmUpOperations) {
                warmedUp.countDown(); // failing or stopped early: never keep the test waiting
            }
        }
        return done;
    }

    /** How often a message of this client was found under another UID than the server had reported. */
    int renumbered() {
        return renumbered;
    }

    /** How many UID EXPUNGEs were sent again because the message was still there after the first. */
    int expungesRepeated() {
        return expungesRepeated;
    }

    /** How many UID STOREs were sent again because Dovecot's answer lacked the change. */
    int storesRepeated() {
        return storesRepeated;
    }

    /** What this client believes each folder holds now: marker to flags. Exact once the client stopped. */
    Map<String, Map<String, Set<String>>> model() {
        Map<String, Map<String, Set<String>>> model = new HashMap<>();
        for (Copy copy : copies) {
            model.computeIfAbsent(copy.folder(), f -> new HashMap<>()).put(copy.marker(), flags.get(copy));
        }
        return model;
    }

    private void operate(ImapSession imap) throws IOException {
        int dice = random.nextInt(100);
        if (copies.isEmpty() || dice < 25) {
            append(imap);
            return;
        }
        Copy copy = copies.get(random.nextInt(copies.size()));
        try {
            long current = imap.uidByMessageId(copy.folder(), "<" + copy.marker() + "@mailsnap.test>");
            if (current != uids.get(copy)) { // Dovecot gave the message a new UID (it logs why; the log check fails)
                renumbered++;
                uids.put(copy, current);
            }
            if (dice < 60) {
                store(imap, copy);
            } else if (dice < 75) {
                moveOrCopy(imap, copy, true);
            } else if (dice < 85) {
                moveOrCopy(imap, copy, false);
            } else {
                expunge(imap, copy);
            }
        } catch (IOException e) {
            throw new IOException(
                    e.getMessage() + "; history of " + copy.marker() + ": "
                            + log.events().stream()
                                    .filter(x -> x.marker().equals(copy.marker()))
                                    .toList(),
                    e);
        }
    }

    private void append(ImapSession imap) throws IOException {
        String marker = name + "-" + appended++;
        String folder = folders.get(random.nextInt(folders.size()));
        Set<String> initial = randomFlags();
        byte[] message = TestMessages.message(
                marker, "Written by IMAP client " + name + ".", "Filler " + "z".repeat(random.nextInt(2000)));
        long start = System.nanoTime();
        long uid = imap.append(folder, message, initial.toArray(String[]::new));
        long end = System.nanoTime();
        Copy copy = new Copy(marker, folder);
        place(copy, uid, initial);
        log.add(new ActivityLog.Event(
                marker,
                folder,
                ActivityLog.Change.ADD,
                start,
                end,
                initial,
                false,
                "APPEND " + folder + " " + initial + " -> UID " + uid));
    }

    private void store(ImapSession imap, Copy copy) throws IOException {
        String flag = FLAGS.get(random.nextInt(FLAGS.size()));
        Set<String> after = new TreeSet<>(flags.get(copy));
        boolean add = !after.contains(flag);
        long start = System.nanoTime();
        if (add) {
            storesRepeated += imap.addFlags(copy.folder(), uids.get(copy), flag) - 1;
            after.add(flag);
        } else {
            storesRepeated += imap.removeFlags(copy.folder(), uids.get(copy), flag) - 1;
            after.remove(flag);
        }
        long end = System.nanoTime();
        flags.put(copy, after);
        log.add(new ActivityLog.Event(
                copy.marker(),
                copy.folder(),
                ActivityLog.Change.FLAGS,
                start,
                end,
                after,
                false,
                "STORE UID " + uids.get(copy) + " " + (add ? "+" : "-") + flag));
    }

    private void moveOrCopy(ImapSession imap, Copy copy, boolean move) throws IOException {
        List<String> targets = folders.stream()
                .filter(f -> !copies.contains(new Copy(copy.marker(), f)))
                .toList();
        if (targets.isEmpty()) {
            store(imap, copy);
            return;
        }
        String target = targets.get(random.nextInt(targets.size()));
        Set<String> carried = flags.get(copy);
        long start = System.nanoTime();
        long uid = move
                ? imap.move(copy.folder(), uids.get(copy), target)
                : imap.copy(copy.folder(), uids.get(copy), target);
        long end = System.nanoTime();
        String command =
                (move ? "MOVE " : "COPY ") + copy.folder() + " UID " + uids.get(copy) + " -> " + target + " UID " + uid;
        if (move) {
            remove(copy);
            log.add(new ActivityLog.Event(
                    copy.marker(), copy.folder(), ActivityLog.Change.REMOVE, start, end, Set.of(), false, command));
        }
        place(new Copy(copy.marker(), target), uid, carried);
        log.add(new ActivityLog.Event(
                copy.marker(), target, ActivityLog.Change.ADD, start, end, carried, false, command));
    }

    private void expunge(ImapSession imap, Copy copy) throws IOException {
        long uid = uids.get(copy);
        long start = System.nanoTime();
        expungesRepeated += imap.expunge(copy.folder(), uid) - 1;
        long end = System.nanoTime();
        remove(copy);
        log.add(new ActivityLog.Event(
                copy.marker(),
                copy.folder(),
                ActivityLog.Change.REMOVE,
                start,
                end,
                Set.of(),
                true,
                "EXPUNGE UID " + uid));
    }

    private Set<String> randomFlags() {
        Set<String> chosen = new TreeSet<>();
        for (String flag : FLAGS) {
            if (random.nextInt(4) == 0) {
                chosen.add(flag);
            }
        }
        return chosen;
    }

    private void place(Copy copy, long uid, Set<String> initial) {
        copies.add(copy);
        uids.put(copy, uid);
        flags.put(copy, new TreeSet<>(initial));
    }

    private void remove(Copy copy) {
        copies.remove(copy);
        uids.remove(copy);
        flags.remove(copy);
    }
}
