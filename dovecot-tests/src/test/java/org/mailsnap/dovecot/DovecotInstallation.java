package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the Dovecot programs are, and who may run them. Missing pieces are reported as failures that say how to
 * fix them ({@code .ci/install-deps.sh}); the Dovecot tests must fail, never skip, on a machine without Dovecot.
 */
record DovecotInstallation(Path dovecot, Path doveadm, MailUser mailUser) {

    static final String INSTALL_HINT = "run .ci/install-deps.sh as root (it installs Debian's dovecot-imapd and"
            + " dovecot-lmtpd and creates the mail user " + MailUser.DEFAULT_NAME + ")";

    /** Finds the programs on PATH or in the system binary folders, checks we are root, looks up the mail user. */
    static DovecotInstallation locate() throws IOException {
        return locate(searchPath(System.getenv("PATH")), MailUser.DEFAULT_NAME);
    }

    static DovecotInstallation locate(List<Path> searchPath, String mailUserName) throws IOException {
        Path dovecot = find("dovecot", searchPath);
        Path doveadm = find("doveadm", searchPath);
        requireRoot();
        return new DovecotInstallation(dovecot, doveadm, MailUser.lookUp(mailUserName));
    }

    /** PATH's folders, then the sbin folders a non-login root shell may lack (Debian puts dovecot in /usr/sbin). */
    static List<Path> searchPath(String path) {
        Set<Path> folders = new LinkedHashSet<>();
        if (path != null) {
            for (String folder : path.split(":")) {
                if (!folder.isEmpty()) {
                    folders.add(Path.of(folder));
                }
            }
        }
        for (String folder : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin")) {
            folders.add(Path.of(folder));
        }
        return new ArrayList<>(folders);
    }

    private static Path find(String program, List<Path> searchPath) throws IOException {
        for (Path folder : searchPath) {
            Path candidate = folder.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException(
                "Dovecot is not installed: no executable '" + program + "' in " + searchPath + "; " + INSTALL_HINT);
    }

    /** The master must start as root: it binds listeners, then runs mail processes as the mail user. */
    private static void requireRoot() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!Integer.valueOf(0).equals(uid)) {
            throw new IOException("the Dovecot tests must run as root (this JVM runs as uid " + uid
                    + "): the private Dovecot master starts as root and runs mail processes as "
                    + MailUser.DEFAULT_NAME);
        }
    }
}
