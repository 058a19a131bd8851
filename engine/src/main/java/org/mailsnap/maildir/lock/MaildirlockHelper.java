package org.mailsnap.maildir.lock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mailsnap.concurrent.ChildProcess;
import org.mailsnap.concurrent.DaemonThreads;
import org.mailsnap.fs.FileNames;
import org.mailsnap.model.FolderKey;

/**
 * {@code --lock maildirlock}: Dovecot 2.3's {@code maildirlock <dir> <timeout>} helper, trusted only when checked.
 *
 * <p>The helper forks a child that takes the lock and should hold it until SIGTERM; the parent prints the child's
 * pid (no newline) and exits 0, or exits 1 on timeout. On Debian 12's Dovecot 2.3.19 the child panics at once
 * (Debian bug 932253), leaving a lock file whose pid is dead, which Dovecot breaks within seconds. So a lock is
 * trusted only while (a) the child still holds its stderr pipe open (it keeps stderr, and stdout as a copy of it,
 * for its whole life, so end-of-file means it is gone), (b) its pid is alive in {@code /proc} and (c) the lock file
 * still names it. This is checked right after taking the lock and again by {@link FolderLock#verifyHeld()}, which
 * first waits until the child has lived for the settle time after taking it, so a child that dies a moment after
 * the first check is still caught before a listing is trusted.
 */
public final class MaildirlockHelper implements FolderLocker {
    public static final Path DEFAULT_BINARY = Path.of("/usr/lib/dovecot/maildirlock");
    private static final int STDERR_KEPT = 4096;

    private final Path binary;
    private final Duration timeout;
    private final Duration settle;
    private final Clock clock;

    /**
     * @param binary  the helper ({@link #DEFAULT_BINARY})
     * @param timeout how long the helper may wait for the lock (whole seconds, at least one)
     * @param settle  how long a holder must be seen alive after taking the lock before a listing is trusted
     * @param clock   for the settle deadline
     */
    public MaildirlockHelper(Path binary, Duration timeout, Duration settle, Clock clock) {
        this.binary = Objects.requireNonNull(binary, "binary");
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("maildirlock timeout must be at least 1 s: " + timeout);
        }
        this.timeout = timeout;
        this.settle = Objects.requireNonNull(settle, "settle");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The default binary, a 122 s timeout and a 250 ms settle time. */
    public static MaildirlockHelper withDefaults() {
        return new MaildirlockHelper(
                DEFAULT_BINARY, Duration.ofSeconds(122), Duration.ofMillis(250), Clock.systemUTC());
    }

    @Override
    public FolderLock lock(FolderKey folder, Path controlDir) throws IOException {
        if (!Files.isExecutable(binary)) {
            throw new NoSuchFileException(
                    binary.toString(),
                    null,
                    "Dovecot's maildirlock helper is not installed"
                            + " here (it comes with Dovecot 2.3's dovecot-core; 2.4 dropped it): use --lock dovecot");
        }
        if (!Files.isDirectory(controlDir)) {
            throw new NoSuchFileException(
                    controlDir.toString(), null, "folder " + folder + " does not exist (any more), cannot lock it");
        }
        if (!FileNames.pathName(controlDir).equals(controlDir.toString())) {
            // argv is encoded with the locale's charset: a name it cannot hold would name another directory
            throw new IOException("cannot hand folder " + FileNames.printable(controlDir) + " to " + binary
                    + ": its name is not text in this locale's encoding (" + System.getProperty("sun.jnu.encoding")
                    + "); run under a UTF-8 locale or use --lock dovecot");
        }
        Process helper = new ProcessBuilder(
                        binary.toString(), controlDir.toString(), Long.toString(timeout.toSeconds()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        helper.getOutputStream().close();
        CompletableFuture<String> holderGone = readToEnd(helper.getErrorStream());
        String printed = new String(helper.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        // stdout ended: the parent has printed the pid (or given up) and is exiting
        int exit = ChildProcess.waitFor(helper, "the maildirlock helper");
        Path lockFile = FileNames.child(controlDir, DovecotDotLocker.LOCK_FILE);
        if (exit == 1) {
            throw new LockTimeoutException(
                    folder.toString(),
                    lockFile,
                    readQuietly(lockFile),
                    "maildirlock gave up after " + timeout.toSeconds() + " s" + stderrOf(holderGone));
        }
        if (exit != 0 || printed.isEmpty() || !printed.chars().allMatch(Character::isDigit) || printed.length() > 10) {
            throw new IOException(binary + " " + controlDir + " failed (exit " + exit + ", printed '" + printed + "')"
                    + stderrOf(holderGone));
        }
        HelperLock lock = new HelperLock(
                folder.toString(),
                lockFile,
                Long.parseLong(printed),
                holderGone,
                clock.instant().plus(settle));
        lock.checkNow();
        return lock;
    }

    /** A lock held by a helper child, as long as that child lives. */
    private final class HelperLock implements FolderLock {
        private final String folder;
        private final Path lockFile;
        private final long pid;
        private final CompletableFuture<String> holderGone;
        private final Instant settledAt;

        HelperLock(String folder, Path lockFile, long pid, CompletableFuture<String> holderGone, Instant settledAt) {
            this.folder = folder;
            this.lockFile = lockFile;
            this.pid = pid;
            this.holderGone = holderGone;
            this.settledAt = settledAt;
        }

        @Override
        public void verifyHeld() throws IOException {
            Duration wait = Duration.between(clock.instant(), settledAt);
            if (!wait.isNegative() && !wait.isZero()) {
                try {
                    holderGone.get(wait.toMillis() + 1, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillAlive) {
                    // the child lived through the settle time: go on with the other checks
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while checking the maildirlock helper");
                } catch (ExecutionException readFailed) {
                    // no verdict from the pipe; the /proc and lock file checks still decide
                }
            }
            checkNow();
        }

        void checkNow() throws IOException {
            String problem = null;
            if (holderGone.isDone()) {
                problem = "its process " + pid + " exited" + stderrOf(holderGone);
            } else if (!Processes.isAlive(pid)) {
                problem = "its process " + pid + " is not running";
            } else if (!holdsLockFile()) {
                problem = "the lock file " + lockFile + " no longer names its process " + pid;
            }
            if (problem != null) {
                removeOrphanedLockFile();
                throw new LockNotHeldException("the maildirlock helper does not hold the lock of folder " + folder
                        + ": " + problem + ". On this Dovecot the helper's child dies right after taking the lock"
                        + " (Debian bug 932253), so it protects nothing; use --lock dovecot");
            }
        }

        @Override
        public boolean release() throws IOException {
            boolean held = !holderGone.isDone() && Processes.isAlive(pid) && holdsLockFile();
            if (!held) {
                removeOrphanedLockFile();
                return false;
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: the child removes its lock
            try {
                holderGone.get(10, TimeUnit.SECONDS);
                // A child that died by itself meanwhile (the Debian panic) left its file behind: remove it.
                removeOrphanedLockFile();
            } catch (TimeoutException | ExecutionException noVerdict) {
                throw new IOException("maildirlock helper " + pid + " did not end within 10 s of SIGTERM; its lock "
                        + lockFile + " may remain until Dovecot breaks it");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while releasing " + lockFile);
            }
            return true;
        }

        private boolean holdsLockFile() {
            String content = readQuietly(lockFile);
            return content != null && content.startsWith(pid + ":");
        }

        /**
         * A dead child's lock file makes Dovecot wait; remove it while it still names that child. A closed stderr
         * pipe counts as dead: the child keeps it open for its whole life, and /proc may still show it for a moment
         * as a zombie waiting to be reaped.
         */
        private void removeOrphanedLockFile() {
            if ((holderGone.isDone() || !Processes.isAlive(pid)) && holdsLockFile()) {
                try {
                    Files.deleteIfExists(lockFile);
                } catch (IOException ignored) {
                    // Dovecot breaks a dead process's lock by itself within seconds
                }
            }
        }
    }

    /** Completes with the stream's text (its first few KB) when every writer has closed it. */
    private static CompletableFuture<String> readToEnd(InputStream stream) {
        CompletableFuture<String> done = new CompletableFuture<>();
        DaemonThreads.start("maildirlock-stderr", () -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    kept.write(buffer, 0, Math.max(0, Math.min(n, STDERR_KEPT - kept.size())));
                }
                done.complete(kept.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static String stderrOf(CompletableFuture<String> stderr) {
        String text = stderr.getNow(null);
        if (text == null || text.isBlank()) {
            return "";
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        return " (it said: " + firstLine + ")";
    }

    private static String readQuietly(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
