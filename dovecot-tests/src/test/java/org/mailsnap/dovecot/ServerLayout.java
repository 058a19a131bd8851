package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one private Dovecot under its base directory:
 * <pre>
 * base/                 searchable by everyone (o+x), so the mail user can reach mail/
 *   conf/dovecot.conf   generated configuration
 *   run/                base_dir: master.pid and the sockets
 *   state/              state_dir
 *   log                 log_path, info_log_path, debug_log_path
 *   doveadm.log         what doveadm runs wrote to stderr: doveadm logs its own errors there, not to log_path
 *   master.out          the master's own stdout/stderr (start-up failures land here)
 *   mail/USER/          the user's Maildir++ tree, owned by the mail user; INBOX at its root, folders as .Name
 * </pre>
 */
record ServerLayout(Path base) {

    /** Dovecot expands {@code %} and splits on blanks in settings: keep the paths plain. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._+-]+");
    /** Test user names: usable in file names and in Dovecot's {@code %u} without escaping. */
    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Folder names this fixture maps to Maildir++ directories (no hierarchy, no modified UTF-7). */
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}");

    ServerLayout {
        if (!base.isAbsolute() || !PLAIN_PATH.matcher(base.toString()).matches()) {
            throw new IllegalArgumentException("base directory must be an absolute path of [A-Za-z0-9/._+-]: " + base);
        }
    }

    /** Creates a fresh base directory under {@code parent} with its folders; the mail root goes to the mail user. */
    static ServerLayout create(Path parent, MailUser mailUser) throws IOException {
        ServerLayout layout = new ServerLayout(Files.createTempDirectory(parent, "mailsnap-dovecot-"));
        Files.setPosixFilePermissions(layout.base(), PosixFilePermissions.fromString("rwx--x--x"));
        for (Path above = parent; above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                layout.delete();
                throw new IOException("the mail user could not reach a mail tree under " + parent + ": " + above
                        + " is not searchable by others (o+x); set java.io.tmpdir to a folder that is");
            }
        }
        for (Path dir :
                List.of(layout.configFile().getParent(), layout.runDir(), layout.stateDir(), layout.mailRoot())) {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        mailUser.takeOwnership(layout.mailRoot());
        return layout;
    }

    /** Deletes the base directory and everything in it. */
    void delete() throws IOException {
        if (!Files.exists(base)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    Path configFile() {
        return base.resolve("conf").resolve("dovecot.conf");
    }

    Path runDir() {
        return base.resolve("run");
    }

    Path stateDir() {
        return base.resolve("state");
    }

    Path logFile() {
        return base.resolve("log");
    }

    Path doveadmLog() {
        return base.resolve("doveadm.log");
    }

    Path masterOutput() {
        return base.resolve("master.out");
    }

    Path masterPidFile() {
        return runDir().resolve("master.pid");
    }

    Path mailRoot() {
        return base.resolve("mail");
    }

    Path mailDir(String user) {
        return mailRoot().resolve(checkUser(user));
    }

    /** INBOX is the root of the Maildir++ tree; any other folder is the sibling directory {@code .Name}. */
    Path folderDir(String user, String folder) {
        if (folder.equalsIgnoreCase("INBOX")) {
            return mailDir(user);
        }
        if (!FOLDER_NAME.matcher(folder).matches()) {
            throw new IllegalArgumentException("folder name must match " + FOLDER_NAME + ": '" + folder + "'");
        }
        return mailDir(user).resolve("." + folder);
    }

    static String checkUser(String user) {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("test user name must match " + USER_NAME + ": '" + user + "'");
        }
        return user;
    }
}
