package org.mailsnap.backup;

/**
 * A message file seen by the locked listing.
 *
 * @param name  the file name verbatim
 * @param base  the name up to the separator
 * @param guid  Dovecot's GUID from the folder's uidlist when it is not the base, else empty
 * @param inCur whether it sat in {@code cur/}
 */
record ListedFile(String name, String base, String guid, boolean inCur) {
    /** The message's identity: its GUID. */
    String identity() {
        return guid.isEmpty() ? base : guid;
    }
}
