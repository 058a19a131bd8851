package org.mailsnap.catalog;

import java.util.Objects;
import org.mailsnap.model.MessageContent;

/**
 * A message a run has stored, as the mailbox's content map keeps it: its blobs and its file's mtime. A message
 * moved or copied into another folder is a hard link to the same file, so both are still right there and the file
 * needs neither reading nor a stat.
 */
public record KnownMessage(MessageContent content, long mtimeNanos) {
    public KnownMessage {
        Objects.requireNonNull(content, "content");
    }
}
