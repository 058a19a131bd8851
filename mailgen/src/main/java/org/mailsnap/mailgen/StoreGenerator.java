package org.mailsnap.mailgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a realistic Dovecot Maildir++ store as described by a {@link StoreSpec}:
 * <pre>{@code
 * GeneratedStore store = new StoreGenerator(StoreSpec.tiny()).generate(Path.of("/tmp/store"));
 * }</pre>
 * Mailboxes are written in parallel, one task per mailbox; the result does not depend on the number of threads.
 */
public final class StoreGenerator {
    private final StoreSpec spec;
    private final int threads;

    /** A generator using one thread per available processor. */
    public StoreGenerator(StoreSpec spec) {
        this(spec, Runtime.getRuntime().availableProcessors());
    }

    public StoreGenerator(StoreSpec spec, int threads) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.threads = threads;
    }

    public StoreSpec spec() {
        return spec;
    }

    /**
     * Writes the store into {@code store}, which must be absent or an empty directory.
     *
     * @throws IOException when {@code store} is not empty or writing fails (the partial tree is left for inspection)
     */
    public GeneratedStore generate(Path store) throws IOException {
        if (Files.exists(store)) {
            if (!Files.isDirectory(store)) {
                throw new IOException(store + ": not a directory");
            }
            try (var entries = Files.list(store)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(store + ": not empty; the generator only writes into an empty directory");
                }
            }
        }
        Files.createDirectories(store);
        Population population = new Population(spec);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, spec.mailboxes()), daemonThreads());
        List<Future<MailboxWriter.Written>> results = new ArrayList<>();
        ThreadLocal<MailboxWriter> writers = ThreadLocal.withInitial(() -> new MailboxWriter(population));
        try {
            for (int m = 0; m < spec.mailboxes(); m++) {
                int mailbox = m;
                results.add(pool.submit(() -> writers.get().write(store, mailbox)));
            }
            int folders = 0;
            long messages = 0;
            long bytes = 0;
            long files = 0;
            for (Future<MailboxWriter.Written> result : results) {
                MailboxWriter.Written written = await(result);
                folders += written.folders();
                messages += written.messages();
                bytes += written.bytes();
                files += written.files();
            }
            for (int d = 0; d < Math.min(spec.domains(), spec.mailboxes()); d++) {
                FileWriting.setMtime(store.resolve(population.domain(d)), population.windowEnd * 1_000_000_000L);
            }
            return new GeneratedStore(store, spec.mailboxes(), folders, messages, bytes, files);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while generating the store");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("generating a mailbox failed", cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "mailgen-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
