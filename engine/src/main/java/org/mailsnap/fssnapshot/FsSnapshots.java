package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * This run's snapshot of the filesystem holding one store: {@link #take} removes stale snapshots and makes this
 * run's, {@link #remove} removes it (once, from whichever of the run's end and a shutdown hook comes first).
 */
public final class FsSnapshots {
    private final SnapshotDriver driver;
    private final StoreFilesystem fs;
    private final long pid;
    private final LongPredicate running;
    private final Consumer<String> notices;
    private boolean removed;

    FsSnapshots(SnapshotDriver driver, StoreFilesystem fs, long pid, LongPredicate running, Consumer<String> notices) {
        this.driver = driver;
        this.fs = fs;
        this.pid = pid;
        this.running = running;
        this.notices = notices;
    }

    /**
     * Snapshots of the filesystem holding {@code store}, named after this process.
     *
     * @param notices told of each stale snapshot removed, one line each
     */
    public static FsSnapshots forStore(Path store, FsSnapshotSettings settings, Consumer<String> notices)
            throws IOException {
        long pid = ProcessHandle.current().pid();
        return new FsSnapshots(
                driver(settings),
                StoreFilesystem.of(store),
                pid,
                other -> other == pid
                        || ProcessHandle.of(other).map(ProcessHandle::isAlive).orElse(false),
                Objects.requireNonNull(notices, "notices"));
    }

    static SnapshotDriver driver(FsSnapshotSettings settings) {
        return switch (settings.kind()) {
            case BTRFS -> new BtrfsDriver();
            case LVM -> new LvmDriver(settings.mountRoot());
            case ZFS -> new ZfsDriver();
            case COMMAND -> new CommandDriver(settings.createCommand(), settings.removeCommand(), settings.mountRoot());
        };
    }

    /**
     * Removes the snapshots of runs that no longer run, then makes this run's. A failed creation removes what it
     * left before the exception leaves here.
     */
    public FsSnapshot take() throws IOException {
        try {
            removeStale();
            return driver.create(fs, pid);
        } catch (IOException | RuntimeException e) {
            try {
                remove();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void removeStale() throws IOException {
        for (long other : driver.runs(fs)) {
            if (!running.test(other)) {
                String what = driver.remove(fs, other);
                if (what != null) {
                    notices.accept("removed a stale filesystem snapshot left by run " + other
                            + ", which no longer runs: " + what);
                }
            }
        }
    }

    /** Removes this run's snapshot, if there is one; later calls do nothing. */
    public synchronized void remove() throws IOException {
        if (!removed) {
            removed = true;
            driver.remove(fs, pid);
        }
    }
}
