package org.mailsnap.cli;

import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.FolderEntry;

/**
 * What {@code ls} found, rendered by {@link LsText} or {@link LsJson}. {@code messages} is null when only folders
 * were asked for, else holds each listed folder's messages.
 */
record LsReport(SnapshotSummary snapshot, List<FolderEntry> folders, Map<FolderEntry, List<Message>> messages) {

    /**
     * One message of a listed folder.
     *
     * @param placement its file name, place, mtime and size
     * @param flags     its flags in words, keywords named by the folder's {@code dovecot-keywords} as captured
     * @param info      what the catalog's search index knows of it (Date, From, Subject); null when nothing
     */
    record Message(Placement placement, List<String> flags, MessageInfo info) {}

    static String folderName(FolderEntry f) {
        return f.key().folder().isEmpty()
                ? "INBOX"
                : NameBytes.printable(f.key().folder());
    }
}
