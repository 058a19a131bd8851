package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What our lock files say about us: {@code <pid>:<hostname>}, with no newline (Dovecot's format).
 *
 * @param pid      our process id
 * @param hostname the host name written (the real one, or one that cannot match, see {@link PidNamespacePolicy})
 */
public record LockIdentity(long pid, String hostname) {
    /** Appended to the host name when Dovecot cannot see our pid; {@code /} never occurs in a host name. */
    static final String FOREIGN_NAMESPACE_SUFFIX = "/other-pid-namespace";

    public LockIdentity {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isEmpty() || hostname.indexOf('\n') >= 0 || hostname.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad host name for a lock file: '" + hostname + "'");
        }
    }

    /** This process, with the host name chosen by {@code policy}. */
    public static LockIdentity ofThisProcess(PidNamespacePolicy policy) {
        long pid = ProcessHandle.current().pid();
        String host = realHostname();
        boolean separate = switch (policy) {
            case SHARED -> false;
            case SEPARATE -> true;
            case AUTO -> dovecotRunsInAnotherPidNamespace();
        };
        return new LockIdentity(pid, separate ? host + FOREIGN_NAMESPACE_SUFFIX : host);
    }

    /** The lock file's content. */
    public String content() {
        return pid + ":" + hostname;
    }

    /** The host name as {@code gethostname()} gives it to Dovecot (the kernel's node name). */
    public static String realHostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8)
                    .trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the JDK's idea of the host name
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "localhost";
        }
    }

    /** True when some process named {@code dovecot} is visible and none of them shares our pid namespace. */
    static boolean dovecotRunsInAnotherPidNamespace() {
        Path proc = Path.of("/proc");
        try {
            Path ours = Files.readSymbolicLink(proc.resolve("self/ns/pid"));
            boolean seen = false;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName()))) {
                for (Path entry : entries) {
                    try {
                        String comm = Files.readString(entry.resolve("comm"), StandardCharsets.UTF_8)
                                .trim();
                        if (!comm.equals("dovecot")) {
                            continue;
                        }
                        seen = true;
                        if (Files.readSymbolicLink(entry.resolve("ns/pid")).equals(ours)) {
                            return false;
                        }
                    } catch (IOException vanishedOrForbidden) {
                        // a process that ended or that we may not inspect tells us nothing
                    }
                }
            }
            return seen;
        } catch (IOException | UnsupportedOperationException noProc) {
            return false;
        }
    }

    private static boolean isNumber(Path name) {
        String s = name.toString();
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
