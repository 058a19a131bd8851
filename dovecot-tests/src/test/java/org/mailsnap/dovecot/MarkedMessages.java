package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folders as IMAP shows them, each message found by the marker in its Message-ID ({@code <marker@mailsnap.test>},
 * as {@link TestMessages} writes them): what a restore test compares before and after.
 */
final class MarkedMessages {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^@>\\s]+)@mailsnap\\.test>");

    private MarkedMessages() {}

    /** Folder to marker to message; a marker seen twice in a folder fails at once. */
    static Map<String, Map<String, FetchedMessage>> of(ImapSession imap, List<String> folders) throws IOException {
        Map<String, Map<String, FetchedMessage>> state = new TreeMap<>();
        for (String folder : folders) {
            Map<String, FetchedMessage> byMarker = new TreeMap<>();
            imap.select(folder); // a fresh SELECT: Dovecot shows arrivals in an open view only after a command
            for (FetchedMessage m : imap.fetchAll(folder)) {
                Matcher id = MESSAGE_ID.matcher(new String(m.body(), StandardCharsets.ISO_8859_1));
                String marker = id.find() ? id.group(1) : "<no marker, uid " + m.uid() + ">";
                if (byMarker.put(marker, m) != null) {
                    throw new AssertionError(marker + " is in " + folder + " twice");
                }
            }
            state.put(folder, byMarker);
        }
        return state;
    }

    /** Marker to flags of one folder. */
    static Map<String, Set<String>> flags(Map<String, FetchedMessage> folder) {
        Map<String, Set<String>> flags = new TreeMap<>();
        folder.forEach((marker, m) -> flags.put(marker, m.flags()));
        return flags;
    }
}
