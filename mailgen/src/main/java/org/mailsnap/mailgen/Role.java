package org.mailsnap.mailgen;

/** What a folder is for; decides which messages land there and which flags they carry. */
enum Role {
    INBOX,
    SENT,
    DRAFTS,
    TRASH,
    ARCHIVE,
    LIST,
    OWN;

    /** Folders that receive deliveries, so that their newest messages may still sit unseen in {@code new/}. */
    boolean receivesDeliveries() {
        return this == INBOX || this == LIST;
    }
}
