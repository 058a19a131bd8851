package org.mailsnap.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For crash tests that kill a real process: a storage that stops the process at one chosen write of the repository
 * (a {@code put} or {@code delete}, counted from 1 in the order the writes start), so a test harness can send it
 * {@code SIGKILL} exactly there. Switched on by the environment variable {@value #VARIABLE}:
 *
 * <ul>
 *   <li>{@code N}: stop before write N is made;</li>
 *   <li>{@code N+}: stop right after write N has been published (a crash between the write and what follows);</li>
 *   <li>{@code count}: stop nowhere; name each write as it starts ({@code mailsnap: crash point N is: put
 *       index/…}, so a harness can choose points by what they interrupt) and say how many writes the run made when
 *       the storage is closed.</li>
 * </ul>
 *
 * At the point it prints one line to stderr, {@code mailsnap: crash point N reached: put data/…}, and blocks every
 * further write for good; the harness reads that line from the process's stderr (a pipe: no timing involved) and
 * kills the process. Never set in production: nothing else changes when the variable is absent.
 */
final class CrashPointStorage extends ForwardingStorage {
    static final String VARIABLE = "MAILSNAP_CRASH_AT";

    private final long point;
    private final boolean after;
    private final PrintStream report;
    private final AtomicLong writes = new AtomicLong();
    private final CountDownLatch never = new CountDownLatch(1);
    /** Set at the point: every later write of any thread waits too, so nothing is written past it. */
    private volatile boolean stopped;

    private CrashPointStorage(Storage inner, long point, boolean after, PrintStream report) {
        super(inner);
        this.point = point;
        this.after = after;
        this.report = report;
    }

    /** {@code storage} as it is when {@code setting} is null, else wrapped as the setting says. */
    static Storage wrap(Storage storage, String setting) {
        if (setting == null) {
            return storage;
        }
        String s = setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("count")) {
            return new CrashPointStorage(storage, -1, false, System.err);
        }
        boolean after = s.endsWith("+");
        try {
            long point = Long.parseLong(after ? s.substring(0, s.length() - 1) : s);
            if (point < 1) {
                throw new NumberFormatException();
            }
            return new CrashPointStorage(storage, point, after, System.err);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be N, N+ or count (N from 1), got '" + setting + "'");
        }
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        counted("put " + name, () -> delegate.put(name, data));
    }

    /** The storage's own spool; its publication is a put here, counted and stopped at as one. */
    @Override
    public SpooledObject spool(String directory) throws IOException {
        SpooledObject inner = delegate.spool(directory);
        return new SpooledObject() {
            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                inner.write(data, offset, length);
            }

            @Override
            public long size() {
                return inner.size();
            }

            @Override
            public void publish(String name) throws IOException {
                counted("put " + name, () -> inner.publish(name));
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    @Override
    public void delete(String name) throws IOException {
        counted("delete " + name, () -> delegate.delete(name));
    }

    /** A write, the next one counted: stopped before it or after it if it is the point. */
    private interface Write {
        void run() throws IOException;
    }

    private void counted(String what, Write write) throws IOException {
        long n = writes.incrementAndGet();
        stopIfAt(n, false, what);
        write.run();
        stopIfAt(n, true, what);
    }

    private void stopIfAt(long n, boolean afterWrite, String what) {
        if (stopped) {
            waitForever();
        }
        if (point < 0 && !afterWrite) {
            report.println("mailsnap: crash point " + n + " is: " + what);
            report.flush();
        }
        if (n != point || afterWrite != after) {
            return;
        }
        stopped = true;
        report.println("mailsnap: crash point " + point + (after ? "+" : "") + " reached: " + what);
        report.flush();
        waitForever();
    }

    private void waitForever() {
        while (true) {
            try {
                never.await(); // until the harness kills the process
            } catch (InterruptedException ignored) {
                // a crash point does not end by interruption either
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (point < 0) {
            report.println("mailsnap: crash points: " + writes.get() + " writes");
            report.flush();
        }
        delegate.close();
    }
}
