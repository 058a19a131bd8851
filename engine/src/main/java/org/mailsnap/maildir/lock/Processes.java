package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Whether a process id belongs to a living process, as seen in {@code /proc}. */
final class Processes {
    private static final Path PROC = Path.of("/proc");

    private Processes() {}

    /**
     * True when {@code pid} runs. A zombie counts as dead (it holds nothing); when {@code /proc} cannot tell, the
     * JDK's view decides.
     */
    static boolean isAlive(long pid) {
        if (pid <= 0) {
            return false;
        }
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        try {
            String text = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
            int close = text.lastIndexOf(')');
            char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : '?';
            return state != 'Z' && state != 'X' && state != 'x';
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException unreadable) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }
}
