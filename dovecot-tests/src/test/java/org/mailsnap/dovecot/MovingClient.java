package org.mailsnap.dovecot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IMAP client that moves its own messages back and forth between two folders (UID MOVE), on its own connection,
 * with now and then a flag or keyword change: the workload that makes Dovecot re-base messages (a message moved back
 * into a folder whose uidlist still knows its base gets a new base and keeps its GUID). It only touches the messages
 * it was given, so it always knows where each is. Runs until {@code maxOperations}, or fewer when told to finish
 * after a number of further operations ({@link #finishAfter}): a test waits for that by waiting for the client's
 * end, never by sleeping.
 */
final class MovingClient implements Callable<Integer> {

    /** One message this client owns: its folder and UID there. */
    private static final class Owned {
        String folder;
        long uid;

        Owned(String folder, long uid) {
            this.folder = folder;
            this.uid = uid;
        }
    }

    private final DovecotServer dovecot;
    private final String user;
    private final List<String> folders;
    private final Random random;
    private final AtomicInteger limit;
    private final List<Owned> owned = new ArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger moves = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private boolean ended; // guarded by moves' monitor

    /**
     * @param folders exactly two folders; each message moves to the one it is not in
     * @param seed    the client's choices (which message, move or flag change)
     */
    MovingClient(DovecotServer dovecot, String user, List<String> folders, long seed, int maxOperations) {
        if (folders.size() != 2) {
            throw new IllegalArgumentException("moves between exactly two folders: " + folders);
        }
        this.dovecot = dovecot;
        this.user = user;
        this.folders = List.copyOf(folders);
        this.random = new Random(seed);
        this.limit = new AtomicInteger(maxOperations);
    }

    /** Gives the client a message appended before it starts. */
    void own(String folder, long uid) {
        owned.add(new Owned(folder, uid));
    }

    /** Lets the client do at most {@code more} further operations, then end ({@code 0}: end now). */
    void finishAfter(int more) {
        limit.accumulateAndGet(done.get() + more, Math::min);
    }

    /** Waits until the client has done its first operation (or ended); false when that took too long. */
    boolean awaitStarted(long seconds) throws InterruptedException {
        return started.await(seconds, TimeUnit.SECONDS);
    }

    /** Operations done so far. */
    int operations() {
        return done.get();
    }

    /** Moves done so far. */
    int moves() {
        return moves.get();
    }

    /**
     * Waits until the client has done at least {@code count} moves in all; false when it ended first or that took
     * longer than {@code seconds}.
     */
    boolean awaitMoves(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (moves) {
            while (moves.get() < count && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(moves, left);
            }
            return moves.get() >= count;
        }
    }

    private void signalMoves(boolean end) {
        synchronized (moves) {
            ended |= end;
            moves.notifyAll();
        }
    }

    @Override
    public Integer call() throws IOException {
        try (ImapSession imap = dovecot.imapSession(user)) {
            while (done.get() < limit.get()) {
                Owned message = owned.get(random.nextInt(owned.size()));
                if (random.nextInt(5) == 0) {
                    String flag = ImapClientActivity.FLAGS.get(random.nextInt(ImapClientActivity.FLAGS.size()));
                    if (random.nextBoolean()) {
                        imap.addFlags(message.folder, message.uid, flag);
                    } else {
                        imap.removeFlags(message.folder, message.uid, flag);
                    }
                } else {
                    String target = folders.get(0).equals(message.folder) ? folders.get(1) : folders.get(0);
                    message.uid = imap.move(message.folder, message.uid, target);
                    message.folder = target;
                    moves.incrementAndGet();
                    signalMoves(false);
                }
                done.incrementAndGet();
                started.countDown();
            }
        } finally {
            started.countDown(); // failed or ended early: never keep the test waiting
            signalMoves(true);
        }
        return done.get();
    }
}
