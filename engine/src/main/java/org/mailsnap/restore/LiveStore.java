package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailsnap.fs.FileNames;

/**
 * Whether a restore target lies inside the store a snapshot was taken of. Writing a snapshot's exact copy there (an
 * empty-target restore) would put a second copy of its messages into the live mail, under the mail server's feet;
 * only a merge is meant for the live store. Paths are compared as the kernel resolves them: links in the existing
 * part of each path are followed, so {@code /srv/mail} and a link {@code /var/mail -> /srv/mail} are one store.
 */
public final class LiveStore {
    private LiveStore() {}

    /** True when {@code target} is {@code store} or lies below it. */
    public static boolean contains(String store, Path target) throws IOException {
        if (store == null || store.isEmpty()) {
            return false;
        }
        return resolved(target).startsWith(resolved(FileNames.path(store))); // the store path's own bytes
    }

    /** The real path of the longest existing prefix, with the rest appended as written (normalized). */
    private static Path resolved(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }
}
