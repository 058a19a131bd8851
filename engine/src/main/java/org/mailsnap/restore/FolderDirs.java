package org.mailsnap.restore;

import java.util.concurrent.atomic.AtomicInteger;
import org.mailsnap.fs.DirHandle;

/**
 * The open directories one folder's restore writes into: the folder and its {@code cur/ new/ tmp/}, each reached
 * without following a link. Shared by the writes in flight: each write {@link #retain}s, and the last
 * {@link #release} closes them, so a restore of many folders holds only the handles of those still being written.
 */
final class FolderDirs {
    final DirHandle folder;
    final DirHandle cur;
    final DirHandle fresh;
    final DirHandle tmp;
    private final AtomicInteger users = new AtomicInteger(1);

    FolderDirs(DirHandle folder, DirHandle cur, DirHandle fresh, DirHandle tmp) {
        this.folder = folder;
        this.cur = cur;
        this.fresh = fresh;
        this.tmp = tmp;
    }

    /** {@code cur/} or {@code new/}. */
    DirHandle messages(boolean inCur) {
        return inCur ? cur : fresh;
    }

    void retain() {
        users.incrementAndGet();
    }

    void release() {
        if (users.decrementAndGet() == 0) {
            tmp.close();
            fresh.close();
            cur.close();
            folder.close();
        }
    }
}
