package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mailsnap.concurrent.ChildProcess;

/**
 * One run of a system tool ({@code btrfs}, {@code lvcreate}, {@code mount}, the operator's shell command): stdin from
 * {@code /dev/null}, stdout and stderr captured together. A tool that fails is an {@link IOException} naming the
 * command, its exit status and the last line it printed, the line that usually says why.
 */
final class SystemCommand {
    private SystemCommand() {}

    /** Runs {@code argv}; returns its output. */
    static String run(List<String> argv) throws IOException {
        return run(argv, Map.of(), String.join(" ", argv));
    }

    /** Runs {@code command} with {@code /bin/sh -c} and {@code environment} added; returns its output. */
    static String shell(String command, Map<String, String> environment) throws IOException {
        return run(List.of("/bin/sh", "-c", command), environment, command);
    }

    private static String run(List<String> argv, Map<String, String> environment, String shown) throws IOException {
        ChildProcess.Finished finished = ChildProcess.run(argv, environment, shown);
        if (finished.status() != 0) {
            String said = finished.lastLine();
            throw new IOException(
                    shown + " failed (exit status " + finished.status() + ")" + (said.isEmpty() ? "" : ": " + said));
        }
        return finished.output();
    }
}
