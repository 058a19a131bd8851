package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The unprivileged system user that owns the test mail trees: Dovecot runs mail processes as this user, because it
 * refuses uid 0. {@code .ci/install-deps.sh} creates it.
 */
record MailUser(String name, int uid, int gid) {

    /** The user {@code .ci/install-deps.sh} creates. */
    static final String DEFAULT_NAME = "mailsnap-mail";

    MailUser {
        if (uid <= 0 || gid <= 0) {
            throw new IllegalArgumentException("mail user " + name + " must not be root: uid " + uid + ", gid " + gid);
        }
    }

    /** Looks the user up in the system's user database ({@code getent passwd}). */
    static MailUser lookUp(String name) throws IOException {
        String entry;
        try {
            entry = ExternalCommand.run(Duration.ofSeconds(10), List.of("getent", "passwd", name))
                    .stdout()
                    .strip();
        } catch (IOException e) {
            throw new IOException(
                    "the mail user '" + name + "' does not exist (getent passwd: " + e.getMessage()
                            + "); run .ci/install-deps.sh as root to create it",
                    e);
        }
        String[] fields = entry.split(":", -1);
        if (fields.length < 4) {
            throw new IOException("cannot parse the passwd entry of '" + name + "': " + entry);
        }
        return new MailUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
    }

    /** Makes {@code path} (not recursively) belong to this user, as files Dovecot itself created would. */
    void takeOwnership(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
