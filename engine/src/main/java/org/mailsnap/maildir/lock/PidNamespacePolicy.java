package org.mailsnap.maildir.lock;

/**
 * Whether the mail server sees our process ids; decides the host name written into our lock files.
 *
 * <p>Dovecot reads {@code pid:host} from a lock file; when the host is its own and that pid is not alive <em>in its
 * pid namespace</em>, it breaks the lock within about two seconds. A JVM in another pid namespace (a container) must
 * therefore write a host name that cannot match; its lock then falls under the 120 s rule, and we touch it every
 * 10 s so it stays valid.
 */
public enum PidNamespacePolicy {
    /**
     * Look at {@code /proc}: if a {@code dovecot} process is visible in another pid namespace, write a host name
     * that cannot match; otherwise (Dovecot in ours, or not visible at all) write the real host name. A JVM in a
     * container that shares the mail server's host name but not its pid namespace must say {@link #SEPARATE}.
     */
    AUTO,
    /** We and Dovecot share a pid namespace: write the real host name. */
    SHARED,
    /** Dovecot cannot see our pid: write a host name that can never equal Dovecot's. */
    SEPARATE
}
