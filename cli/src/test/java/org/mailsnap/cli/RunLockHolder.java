package org.mailsnap.cli;

import java.nio.file.Path;

/** A second process for {@link RunLockTest}: takes the run lock, says so, and holds it until its stdin closes. */
public final class RunLockHolder {
    private RunLockHolder() {}

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
