package org.mailsnap.maildir.lock;

import java.io.IOException;

/** A held lock on one folder. */
public interface FolderLock {

    /**
     * Throws unless the lock is still ours and its holder alive; called after the listing, before it is trusted.
     */
    void verifyHeld() throws IOException;

    /**
     * Releases the lock.
     *
     * @return true when our lock was released, false when it had been lost (broken or taken by someone else, or its
     *     holder died); then nothing of anyone else's was removed
     */
    boolean release() throws IOException;
}
