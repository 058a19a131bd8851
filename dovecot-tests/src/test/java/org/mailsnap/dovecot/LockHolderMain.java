package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.maildir.lock.DovecotDotLocker;
import org.mailsnap.maildir.lock.FolderLock;
import org.mailsnap.model.FolderKey;

/**
 * A separate mailsnap-like process for the stale-lock test: takes one folder's {@code dovecot-uidlist.lock} with the
 * engine's {@link DovecotDotLocker}, prints {@code locked <pid>} and holds the lock until its standard input ends
 * (so it never outlives the test JVM that started it). The test kills it with SIGKILL while it holds the lock.
 *
 * <p>Usage: {@code java -cp <test class path> org.mailsnap.dovecot.LockHolderMain <folder directory>}
 */
public final class LockHolderMain {

    private LockHolderMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LockHolderMain <folder directory>");
            System.exit(2);
        }
        Path folderDir = Path.of(args[0]);
        FolderLock lock = DovecotDotLocker.withDefaults().lock(new FolderKey("lock-holder", ""), folderDir);
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the lock until the parent closes our input (or kills us)
        }
        lock.release();
    }
}
