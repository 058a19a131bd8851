package org.mailsnap.dump;

/** What {@code mailsnap dump} writes. */
public enum DumpFormat {
    /** One mboxrd file: every message after a {@code From } line, {@code From } lines in messages quoted. */
    MBOX,
    /** A POSIX tar (ustar with pax extensions) of the folder as a Maildir: {@code cur/ new/ tmp/} and its files. */
    MAILDIR_TAR
}
