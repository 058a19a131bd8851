package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * When mailsnap runs as root, what it creates takes the owner of the target directory (the mail user), so the mail
 * server can read, rename and expunge it. Otherwise files belong to whoever runs the restore.
 */
final class Ownership {
    private final Integer uid;
    private final Integer gid;

    private Ownership(Integer uid, Integer gid) {
        this.uid = uid;
        this.gid = gid;
    }

    static Ownership of(Path existingDir) throws IOException {
        Object self = currentUid();
        if (!Integer.valueOf(0).equals(self)) {
            return new Ownership(null, null);
        }
        Integer uid = (Integer) Files.getAttribute(existingDir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Integer gid = (Integer) Files.getAttribute(existingDir, "unix:gid", LinkOption.NOFOLLOW_LINKS);
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

    void apply(Path p) throws IOException {
        if (uid != null) {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
