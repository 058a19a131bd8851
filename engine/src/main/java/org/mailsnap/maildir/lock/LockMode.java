package org.mailsnap.maildir.lock;

/** How a capture keeps Dovecot from changing a folder while it is listed ({@code --lock}). */
public enum LockMode {
    /** A Dovecot-compatible {@code dovecot-uidlist.lock} written by mailsnap itself (the default). */
    DOVECOT,
    /** Dovecot 2.3's {@code /usr/lib/dovecot/maildirlock} helper, checked to really hold the lock. */
    MAILDIRLOCK,
    /** No lock: the store is a filesystem snapshot that nothing changes. */
    NONE;

    /** The locker for this mode with Dovecot's default timings. */
    public FolderLocker defaultLocker() {
        return switch (this) {
            case DOVECOT -> DovecotDotLocker.withDefaults();
            case MAILDIRLOCK -> MaildirlockHelper.withDefaults();
            case NONE -> FolderLocker.none();
        };
    }
}
