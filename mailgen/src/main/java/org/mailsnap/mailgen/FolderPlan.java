package org.mailsnap.mailgen;

import java.util.ArrayList;
import java.util.List;

/** One folder of a mailbox plan: its Maildir++ directory name, role, uidlist header and messages in UID order. */
final class FolderPlan {
    /** "" for INBOX (the mailbox root), else {@code .Name} or {@code .Parent.Child}. */
    final String directory;

    final Role role;
    final long uidValidity;
    final String guid;
    final List<PlannedMessage> messages = new ArrayList<>();
    long nextUid;

    FolderPlan(String directory, Role role, long uidValidity, String guid) {
        this.directory = directory;
        this.role = role;
        this.uidValidity = uidValidity;
        this.guid = guid;
    }

    boolean isInbox() {
        return directory.isEmpty();
    }

    /** The IMAP name without the leading dot, e.g. {@code Lists.dovecot}. */
    String imapName() {
        return isInbox() ? "INBOX" : directory.substring(1);
    }

    long newestSecond(long otherwise) {
        long newest = otherwise;
        for (PlannedMessage message : messages) {
            newest = Math.max(newest, message.second);
        }
        return newest;
    }
}
