package org.mailsnap.catalog;

import java.nio.ByteBuffer;
import java.util.List;
import org.lmdbjava.Dbi;

/** The databases of the catalog's run-state environment, by role. See {@link LmdbKeys} for their keys. */
record StateDatabases(
        Dbi<ByteBuffer> meta,
        Dbi<ByteBuffer> content,
        Dbi<ByteBuffer> stores,
        Dbi<ByteBuffer> folderIds,
        Dbi<ByteBuffer> folders,
        Dbi<ByteBuffer> mailboxRoots,
        Dbi<ByteBuffer> contentTables,
        Dbi<ByteBuffer> placements,
        Dbi<ByteBuffer> messages,
        Dbi<ByteBuffer> messageIds,
        Dbi<ByteBuffer> snapshots,
        Dbi<ByteBuffer> unfinishedRuns,
        Dbi<ByteBuffer> stateSnapshots) {

    /**
     * {@code mailboxRoots} was added without a format version change: it is a shortcut of the finder, and an older
     * catalog simply gets it empty on its next open (every root is read once more). {@code unfinishedRuns} too: an
     * older catalog has no run that stopped after a checkpoint recorded, as the versions that wrote it knew none; nor
     * {@code stateSnapshots}, which an older catalog lacks until its next finished run; nor {@code contentTables}, a
     * shortcut of the blob index (a mailbox without one has its table's chunks looked up), which an older version
     * leaves behind when it writes a new table: a record counts only while the mailbox's folder states name its index.
     */
    static final List<String> NAMES = List.of(
            "content",
            "stores",
            "folderIds",
            "folders",
            "mailboxRoots",
            "contentTables",
            "placements",
            "messages",
            "messageIds",
            "snapshots",
            "unfinishedRuns",
            "stateSnapshots");

    static StateDatabases of(LmdbEnvironment env) {
        return new StateDatabases(
                env.dbi(LmdbEnvironment.META),
                env.dbi("content"),
                env.dbi("stores"),
                env.dbi("folderIds"),
                env.dbi("folders"),
                env.dbi("mailboxRoots"),
                env.dbi("contentTables"),
                env.dbi("placements"),
                env.dbi("messages"),
                env.dbi("messageIds"),
                env.dbi("snapshots"),
                env.dbi("unfinishedRuns"),
                env.dbi("stateSnapshots"));
    }
}
