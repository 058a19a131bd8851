package org.mailsnap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mailsnap.backup.Trees;
import org.mailsnap.concurrent.DaemonThreads;
import org.mailsnap.mailgen.StoreTree;

/**
 * What a mail server does to a store while a backup runs, on a thread of its own: deliveries (written to {@code tmp/}
 * and fsynced, renamed into {@code new/}) and pickups (a message moved from {@code new/} to {@code cur/} with the seen
 * flag), each step appended to a ledger once done. From the store's tree after the last step, {@link #treeAfter} gives
 * the tree after any earlier step, so a restore can be compared with the store as it was at every instant of a run.
 */
final class LiveDeliveries implements AutoCloseable {
    /** One finished step; paths are relative to the store, as {@link StoreTree} names entries. */
    private record Step(String from, String to) {
        boolean delivery() {
            return from == null;
        }
    }

    private final Path store;
    private final List<String> mailboxes;
    private final Random random;
    private final List<Step> ledger = new ArrayList<>();
    private final List<String> inNew = new ArrayList<>();
    private final Thread thread;
    private int stopAt = Integer.MAX_VALUE;
    private IOException failure;

    /** @param mailboxes mailbox roots relative to {@code store} ("" for a store that is one mailbox) */
    LiveDeliveries(Path store, List<String> mailboxes, long seed) {
        this.store = store;
        this.mailboxes = List.copyOf(mailboxes);
        this.random = new Random(seed);
        this.thread = DaemonThreads.named("live-deliveries").newThread(this::deliver);
    }

    void start() {
        thread.start();
    }

    /** Does {@code count} steps on the calling thread (the writer thread must not run). */
    void steps(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            step();
        }
    }

    private void deliver() {
        try {
            while (true) {
                synchronized (this) {
                    if (ledger.size() >= stopAt) {
                        return;
                    }
                }
                step();
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private void step() throws IOException {
        Step step;
        if (!inNew.isEmpty() && random.nextInt(3) == 0) {
            String from = inNew.remove(random.nextInt(inNew.size()));
            String to = from.replace("/new/", "/cur/") + ":2,S";
            Files.move(store.resolve(from), store.resolve(to));
            step = new Step(from, to);
        } else {
            int n;
            synchronized (this) {
                n = ledger.size();
            }
            String mailbox = mailboxes.get(random.nextInt(mailboxes.size()));
            String name = "1700000000.M" + n + "P1.live";
            Path tmp = store.resolve(mailbox).resolve("tmp").resolve(name);
            writeDurably(
                    tmp,
                    "From: live@example.org\nSubject: delivery " + n + "\nMessage-ID: <" + n + "@live>\n\nbody " + n
                            + " " + random.nextLong() + "\n");
            String to = (mailbox.isEmpty() ? "" : mailbox + "/") + "new/" + name;
            Files.move(tmp, store.resolve(to));
            inNew.add(to);
            step = new Step(null, to);
        }
        synchronized (this) {
            ledger.add(step);
            notifyAll();
        }
    }

    /**
     * Writes a message as the Maildir protocol and Dovecot do: on disk (fsync) before its name appears in
     * {@code new/}. A filesystem snapshot holds what a power cut at its instant would leave, so without the fsync a
     * btrfs snapshot taken between the rename and the writeback holds the message as an empty file.
     */
    private static void writeDurably(Path file, String message) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** Steps finished so far. */
    synchronized int done() {
        return ledger.size();
    }

    /** Waits until {@code count} steps are finished. */
    synchronized void awaitDone(int count) throws IOException, InterruptedException {
        while (ledger.size() < count && failure == null) {
            wait();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Lets the thread do {@code more} steps from now, then stop; waits for it. */
    void stopAfter(int more) throws IOException, InterruptedException {
        synchronized (this) {
            stopAt = ledger.size() + more;
        }
        awaitDone(stopAt);
        thread.join();
    }

    /** The store's tree after the first {@code steps} steps, from {@code last}, its tree after every step. */
    synchronized Map<String, StoreTree.Entry> treeAfter(int steps, StoreTree last) {
        Map<String, StoreTree.Entry> tree = new HashMap<>(last.entries());
        for (int i = ledger.size() - 1; i >= steps; i--) {
            undo(i, tree);
        }
        return tree;
    }

    /** The store's tree after {@code steps} steps. */
    record Instant(int steps, Map<String, StoreTree.Entry> tree) {}

    /**
     * The instant, among those after {@code from} to {@code to} steps, at which the store's tree differed least from
     * {@code wanted} (in the number of paths {@link Trees#diff} names): the one where they are equal if there is
     * one, else the one whose differences best explain a mismatch.
     */
    synchronized Instant nearestInstant(Map<String, StoreTree.Entry> wanted, int from, int to, StoreTree last) {
        int newest = Math.min(to, ledger.size());
        Map<String, StoreTree.Entry> tree = treeAfter(newest, last);
        Instant nearest = null;
        int fewest = Integer.MAX_VALUE;
        for (int steps = newest; steps >= from; steps--) {
            int differences = tree.equals(wanted) ? 0 : Trees.diff(tree, wanted).size();
            if (differences < fewest) {
                fewest = differences;
                nearest = new Instant(steps, Map.copyOf(tree));
            }
            if (differences == 0 || steps == 0) {
                break;
            }
            undo(steps - 1, tree);
        }
        return nearest;
    }

    private void undo(int index, Map<String, StoreTree.Entry> tree) {
        Step step = ledger.get(index);
        StoreTree.Entry entry = tree.remove(step.to());
        if (entry == null) {
            throw new UncheckedIOException(new IOException("step " + index + " left no " + step.to()));
        }
        if (!step.delivery()) {
            tree.put(
                    step.from(),
                    new StoreTree.Entry(step.from(), entry.kind(), entry.size(), entry.sha256(), entry.mtimeNanos()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            stopAt = 0;
        }
        thread.join();
    }
}
