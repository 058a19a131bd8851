package org.mailsnap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A second process for the run lock tests: takes the run lock, says so, and holds it until its stdin closes. */
public final class RunLockHolder {
    private RunLockHolder() {}

    /**
     * Starts a holder of the run lock of the catalog in {@code catalog} in another JVM and returns once it holds it;
     * closing the process's stdin ends it.
     */
    static Process start(Path catalog) throws IOException {
        Process holder = new ProcessBuilder(ChildJvm.java(List.of(), RunLockHolder.class, catalog.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        if (!"held".equals(lines.readLine())) {
            holder.destroyForcibly();
            throw new IllegalStateException("the run lock holder did not take the lock of " + catalog);
        }
        return holder;
    }

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), "test holder")) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
