package org.mailsnap.diff;

import java.io.IOException;
import java.util.Optional;
import org.mailsnap.catalog.MessageInfo;

/**
 * The catalog's search index, as a diff reads it (and a restore, to name the Subject of a message it cannot write):
 * {@code CatalogView::message}.
 */
@FunctionalInterface
public interface MessageIndex {
    MessageIndex NONE = (mailbox, guid) -> Optional.empty();

    Optional<MessageInfo> message(String mailbox, String guid) throws IOException;
}
