package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.NewFile;

/**
 * When mailsnap runs as root, what it creates takes the owner of the target directory (the mail user), so the mail
 * server can read, rename and expunge it. Otherwise files belong to whoever runs the restore.
 *
 * <p>Owners are read and set only through descriptors mailsnap holds ({@code /proc/self/fd/N}, see
 * {@link org.mailsnap.fs}): never through a name that could meanwhile be a link or a hard link to another file.
 */
final class Ownership {
    private final Integer uid;
    private final Integer gid;

    private Ownership(Integer uid, Integer gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /** The owner of the target directory, held open (the target the caller named, links in its path followed). */
    static Ownership of(DirHandle target) throws IOException {
        Object self = currentUid();
        if (!Integer.valueOf(0).equals(self)) {
            return new Ownership(null, null);
        }
        Integer uid = (Integer) Files.getAttribute(target.self(), "unix:uid");
        Integer gid = (Integer) Files.getAttribute(target.self(), "unix:gid");
        return uid == 0 && gid == 0 ? new Ownership(null, null) : new Ownership(uid, gid);
    }

    private static Object currentUid() {
        try {
            Path probe = Path.of("/proc/self");
            return Files.getAttribute(probe, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Gives {@code file}, through its own descriptor, to the owner. */
    void applyTo(NewFile file) throws IOException {
        if (uid != null) {
            file.setOwner(uid, gid);
        }
    }

    /**
     * Gives {@code self}, a {@code /proc/self/fd/N} path, to the owner. That path is followed on purpose: it is the
     * kernel's link to the very file the descriptor holds.
     */
    void applyTo(Path self) throws IOException {
        if (uid != null) {
            Files.setAttribute(self, "unix:uid", uid);
            Files.setAttribute(self, "unix:gid", gid);
        }
    }
}
