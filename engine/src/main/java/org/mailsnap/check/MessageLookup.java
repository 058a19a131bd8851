package org.mailsnap.check;

import java.io.IOException;
import java.util.Optional;
import org.mailsnap.catalog.MessageInfo;

/** Subject and Message-ID of a message from the catalog's search index, to name damage in mail terms. */
@FunctionalInterface
public interface MessageLookup {
    MessageLookup NONE = (mailbox, base) -> Optional.empty();

    Optional<MessageInfo> find(String mailbox, String base) throws IOException;
}
