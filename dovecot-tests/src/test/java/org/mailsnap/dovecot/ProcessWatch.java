package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches processes we did not start ourselves (Dovecot's helpers): their titles, and whether they have exited. When the master dies its children
 * are re-parented to init, which may reap them late; a zombie has exited (it holds nothing but its pid), so a
 * process counts as exited when it is gone or in state Z/X in {@code /proc/<pid>/stat}.
 */
final class ProcessWatch {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private ProcessWatch() {}

    static boolean hasExited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2); // "pid (comm) S ...": comm may contain blanks
            return state == 'Z' || state == 'X';
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: assume it still runs, the caller's deadline bounds the wait
        }
    }

    /** The process title ({@code /proc/<pid>/cmdline}, NULs as blanks); empty once it has exited. */
    static String title(ProcessHandle process) {
        try {
            return Files.readString(
                            Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                    .replace('\0', ' ')
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until every process has exited or the timeout passes; returns the ones still running. */
    static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> running = processes;
        while (true) {
            running = running.stream().filter(p -> !hasExited(p)).toList();
            if (running.isEmpty() || System.nanoTime() > deadline) {
                return running;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }
}
