package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The store holds no mailbox. An unmounted volume, a wrong path or a failed mount all look like that, and a
 * snapshot of nothing would become the newest one, so the run refuses before writing anything unless the settings
 * allow an empty store.
 */
public final class EmptyStoreException extends IOException {
    EmptyStoreException(Path store, List<String> notFollowed) {
        super("mail store " + store + " holds no mailbox (no directory with cur/, new/ and tmp/"
                + (notFollowed.isEmpty()
                        ? ""
                        : "; " + notFollowed.size() + " symbolic links not followed, the first: " + notFollowed.get(0))
                + "): is it mounted? Nothing was backed up; pass --allow-empty to record an empty snapshot");
    }
}
