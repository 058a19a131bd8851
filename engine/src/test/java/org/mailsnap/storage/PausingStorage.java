package org.mailsnap.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For tests of runs that overlap: a storage that holds one chosen write until the test lets it go, so a run can be
 * stopped in its middle (its lock taken, its first pack about to be published) while another run or a prune is made
 * to meet it. Waits on latches and barriers, never on time.
 */
public final class PausingStorage extends ForwardingStorage {
    /** What the paused writer does before its write goes on: typically a latch or barrier await. */
    @FunctionalInterface
    public interface Pause {
        void await() throws Exception;
    }

    private record Armed(String prefix, Pause pause) {}

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    public PausingStorage(Storage delegate) {
        super(delegate);
    }

    /** The next {@code put} of a name starting with {@code prefix} (from any thread) first runs {@code pause}. */
    public void pauseAtNextPut(String prefix, Pause pause) {
        armed.set(new Armed(prefix, pause));
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        Armed a = armed.get();
        if (a != null && name.startsWith(a.prefix()) && armed.compareAndSet(a, null)) {
            try {
                a.pause().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while paused before put " + name);
            } catch (Exception e) {
                throw new IOException("pause before put " + name + " failed", e);
            }
        }
        delegate.put(name, data);
    }
}
