package org.mailsnap.backup;

import java.io.IOException;
import java.util.Optional;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;

/**
 * A mailbox's content map and search index in the run's open catalog transaction, both keyed by the message's GUID:
 * the role the resolve and record steps of {@link MailboxRun} see of {@link RunState}.
 */
interface MessageIndex {
    /** What the mailbox is known to hold under {@code guid}: content and mtime, kept after the message is gone. */
    Optional<KnownMessage> content(String mailbox, String guid) throws IOException;

    void putContent(String mailbox, String guid, KnownMessage content) throws IOException;

    /** The search index's entry. */
    Optional<MessageInfo> message(String mailbox, String guid) throws IOException;

    void putMessage(String mailbox, String guid, MessageInfo info) throws IOException;
}
