package org.mailsnap.walk;

import java.io.IOException;
import org.mailsnap.model.Placement;

/** Receives one folder's selected messages in manifest (base) order, then {@link #end}. */
public interface FolderOutput {
    void message(Placement placement) throws IOException;

    /**
     * The repository cannot give back a chunk of the folder's manifest: the messages it and later chunks list are
     * not walked. By default that stops the walk; an output that reports damage and goes on overrides this.
     *
     * @param unreadable why the chunk cannot be read
     */
    default void manifestUnreadable(IOException unreadable) throws IOException {
        throw unreadable;
    }

    /** After the folder's last message; also when the walk of the folder failed. */
    default void end() throws IOException {}
}
