package org.mailsnap.maildir;

/** How a mailbox arranges its folders below its root (Dovecot's {@code LAYOUT=} setting). */
public enum StoreLayout {
    /** Dovecot's default: {@code .Name} and {@code .Parent.Child} directories beside {@code cur/ new/ tmp/}. */
    MAILDIR_PLUS_PLUS,
    /** {@code LAYOUT=fs}: nested directories, {@code folder/sub/{cur,new,tmp}}. */
    FS
}
