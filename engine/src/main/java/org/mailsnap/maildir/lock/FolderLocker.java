package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.model.FolderKey;

/** Takes the lock of one folder; one implementation per {@link LockMode}. */
public interface FolderLocker {

    /**
     * Locks the folder whose control files live in {@code controlDir}, waiting as long as the implementation's
     * timeout allows.
     *
     * @throws LockTimeoutException  when someone else kept it too long
     * @throws LockNotHeldException  when the lock was taken but its holder is already gone
     * @throws java.nio.file.NoSuchFileException when the folder does not exist (any more)
     */
    FolderLock lock(FolderKey folder, Path controlDir) throws IOException;

    /** For {@link LockMode#NONE}: a store nothing changes needs no lock. */
    static FolderLocker none() {
        return (folder, controlDir) -> new FolderLock() {
            @Override
            public void verifyHeld() {}

            @Override
            public boolean release() {
                return true;
            }
        };
    }
}
