package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Dovecot reports about a mailbox's folders while nothing changes them: per message its UID, GUID ({@code doveadm
 * fetch guid}, which is what IMAP {@code FETCH X-GUID} reports), flags and keywords and body (IMAP {@code UID FETCH}),
 * by the test marker of its Message-ID; per folder STATUS and the text of {@code doveadm fetch 'uid guid flags
 * date.received'}. A marker or a GUID found twice in the mailbox fails at once: that is a duplicate.
 */
final class DovecotView {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^@>\\s]+)@mailsnap\\.test>");

    /** One message as Dovecot reports it. */
    record Message(String folder, String marker, long uid, String guid, Set<String> flags, byte[] body) {}

    /** One folder as Dovecot reports it. */
    record Folder(FolderStatus status, String doveadmFetch, List<Message> messages) {}

    private final Map<String, Folder> folders;
    private final Map<String, Message> byMarker;

    private DovecotView(Map<String, Folder> folders, Map<String, Message> byMarker) {
        this.folders = folders;
        this.byMarker = byMarker;
    }

    static DovecotView record(DovecotServer dovecot, String user, List<String> folderNames) throws IOException {
        Map<String, Folder> folders = new TreeMap<>();
        Map<String, Message> byMarker = new TreeMap<>();
        Map<String, Message> byGuid = new TreeMap<>();
        try (ImapSession imap = dovecot.imapSession(user)) {
            for (String folder : folderNames) {
                Map<Long, String> guids = DovecotGuids.byUid(dovecot, user, folder);
                String fetched =
                        dovecot.doveadm("fetch", "-u", user, "uid guid flags date.received", "mailbox", folder, "all");
                imap.select(folder); // a fresh SELECT: the view includes everything Dovecot has now
                List<Message> messages = new ArrayList<>();
                for (FetchedMessage m : imap.fetchAll(folder)) {
                    Matcher id = MESSAGE_ID.matcher(new String(m.body(), StandardCharsets.ISO_8859_1));
                    String marker = id.find() ? id.group(1) : "<no marker, " + folder + " uid " + m.uid() + ">";
                    String guid = guids.get(m.uid());
                    if (guid == null) {
                        throw new AssertionError(user + "/" + folder + " UID " + m.uid() + ": IMAP has it, doveadm "
                                + "fetch does not: " + guids);
                    }
                    Message message = new Message(folder, marker, m.uid(), guid, m.flags(), m.body());
                    Message other = byMarker.put(marker, message);
                    if (other != null) {
                        throw new AssertionError("duplicate: " + marker + " is in " + other.folder() + " (UID "
                                + other.uid() + ", GUID " + other.guid() + ") and in " + folder + " (UID " + m.uid()
                                + ", GUID " + guid + ")");
                    }
                    other = byGuid.put(guid, message);
                    if (other != null) {
                        throw new AssertionError("duplicate GUID " + guid + ": " + other + " and " + message);
                    }
                    messages.add(message);
                }
                folders.put(folder, new Folder(imap.status(folder), withoutRecent(fetched), messages));
            }
        }
        return new DovecotView(folders, byMarker);
    }

    Folder folder(String name) {
        return folders.get(name);
    }

    /** Every message of the mailbox by marker. */
    Map<String, Message> byMarker() {
        return byMarker;
    }

    /** {@code \Recent} belongs to whichever session saw a message first, not to the mailbox: leave it out. */
    private static String withoutRecent(String doveadmFetch) {
        return doveadmFetch.replaceAll("(?m)^(flags:.*?) ?\\\\Recent", "$1").replaceAll("(?m)[ \t]+$", "");
    }
}
