package org.mailsnap.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BoundedWorkersTest {
    @Test
    void mapKeepsInputOrder() throws IOException {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inputs.add(i);
        }
        try (BoundedWorkers workers = new BoundedWorkers("test", 3, "test")) {
            assertEquals(inputs.stream().map(i -> i * 2).toList(), workers.map(inputs, i -> i * 2));
            assertEquals(List.of(), workers.map(List.<Integer>of(), i -> i), "reusable after a batch");
        }
    }

    @Test
    void theProducerWaitsOnceTheWindowIsFull() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        try (BoundedWorkers workers = new BoundedWorkers("test", 1, "test")) {
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        workers.submit(
                                () -> {
                                    awaitQuietly(gate);
                                    ran.incrementAndGet();
                                },
                                () -> {});
                        submitted.incrementAndGet();
                    }
                } catch (Throwable t) {
                    producerFailure.set(t);
                }
            });
            producer.start();
            while (!(producer.getState() == Thread.State.WAITING && submitted.get() > 0)) {
                Thread.onSpinWait(); // until the producer blocks: on the window, since every task waits for the gate
            }
            assertEquals(4, submitted.get(), "one thread: a window of four tasks submitted and unfinished");
            gate.countDown();
            producer.join();
            workers.awaitAll();
            assertEquals(null, producerFailure.get());
            assertEquals(10, ran.get());
        }
    }

    @Test
    void theFirstFailureSkipsTheRestAndReleasesEveryTask() throws IOException {
        IOException broken = new IOException("disk full");
        AtomicInteger released = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch failing = new CountDownLatch(1);
        try (BoundedWorkers workers = new BoundedWorkers("test", 1, "restore")) {
            workers.submit(
                    () -> {
                        failing.countDown();
                        throw broken;
                    },
                    released::incrementAndGet);
            awaitQuietly(failing);
            IOException thrown = assertThrows(IOException.class, () -> {
                while (true) { // accepted until the producer sees the failure
                    workers.submit(ran::incrementAndGet, released::incrementAndGet);
                    accepted.incrementAndGet();
                }
            });
            assertSame(broken, thrown);
            assertSame(broken, assertThrows(IOException.class, workers::awaitAll));
        }
        assertEquals(0, ran.get(), "one worker: every task after the failing one is skipped");
        assertEquals(1 + accepted.get() + 1, released.get(), "the failed, the skipped and the refused task");
    }

    @Test
    void aBugInATaskBecomesAnIoExceptionNamingTheJob() throws IOException {
        try (BoundedWorkers workers = new BoundedWorkers("test", 2, "backup")) {
            workers.submit(
                    () -> {
                        throw new IllegalStateException("bug");
                    },
                    () -> {});
            IOException e = assertThrows(IOException.class, workers::awaitAll);
            assertTrue(
                    e.getMessage().startsWith("backup failed: java.lang.IllegalStateException: bug"), e.getMessage());
        }
    }

    @Test
    void daemonThreadsCarryTheirName() throws InterruptedException {
        AtomicReference<String> name = new AtomicReference<>();
        Thread t = DaemonThreads.start(
                "mailsnap-test", () -> name.set(Thread.currentThread().getName()));
        t.join();
        assertTrue(t.isDaemon());
        assertEquals("mailsnap-test", name.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
