package org.mailsnap.diff;

import java.io.IOException;

/** Receives a diff's changes as they are found, mailbox after mailbox. */
@FunctionalInterface
public interface DiffOutput {
    void change(Change change) throws IOException;
}
