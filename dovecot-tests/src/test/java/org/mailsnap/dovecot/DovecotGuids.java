package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailsnap.maildir.MalformedControlFileException;
import org.mailsnap.maildir.Uidlist;

/**
 * The GUIDs Dovecot gives a folder's messages, seen two ways: the server's own answer ({@code doveadm fetch 'uid
 * guid'}, the same value IMAP {@code FETCH X-GUID} reports) and the folder's {@code dovecot-uidlist} file, whose
 * {@code G} extension holds the GUID of a message Dovecot gave a new base (moved back into a folder that knew its
 * base). Read only while nothing else changes the folder.
 */
final class DovecotGuids {

    private static final Pattern UID_GUID = Pattern.compile("(?m)^uid: (\\d+)\\s*\\nguid: (\\S+)\\s*$");

    private DovecotGuids() {}

    /** UID to GUID of every message in the folder, in UID order, as Dovecot reports them. */
    static Map<Long, String> byUid(DovecotServer dovecot, String user, String folder) throws IOException {
        String fetched = dovecot.doveadm("fetch", "-u", user, "uid guid", "mailbox", folder, "all");
        Map<Long, String> guids = new LinkedHashMap<>();
        Matcher m = UID_GUID.matcher(fetched);
        while (m.find()) {
            guids.put(Long.parseLong(m.group(1)), m.group(2));
        }
        long records = fetched.lines().filter(line -> line.startsWith("uid: ")).count();
        if (records != guids.size()) {
            throw new AssertionError(
                    "cannot read doveadm fetch 'uid guid' of " + user + "/" + folder + ":\n" + fetched);
        }
        return guids;
    }

    /**
     * GUID to base of every message file of the user's folders: a file's GUID is the {@code G} of its base's
     * uidlist record where there is one, else its base.
     */
    static Map<String, String> liveBasesByGuid(DovecotServer dovecot, String user, List<String> folders)
            throws IOException {
        Map<String, String> bases = new HashMap<>();
        for (String folder : folders) {
            Map<String, String> guids = uidlist(dovecot, user, folder).guidsByBase();
            for (Path file : MaildirFiles.messageFiles(dovecot.folderDir(user, folder))) {
                String base = MaildirFiles.base(file);
                bases.put(guids.getOrDefault(base, base), base);
            }
        }
        return bases;
    }

    /** The folder's uidlist file as Dovecot last wrote it. */
    static Uidlist uidlist(DovecotServer dovecot, String user, String folder) throws IOException {
        Path file = dovecot.folderDir(user, folder).resolve("dovecot-uidlist");
        Uidlist uidlist;
        try {
            uidlist = Uidlist.parse(Files.readAllBytes(file), file.toString());
        } catch (MalformedControlFileException e) {
            throw new AssertionError("Dovecot's own uidlist does not parse: " + e.getMessage(), e);
        }
        if (!uidlist.problems().isEmpty()) {
            throw new AssertionError("Dovecot's own uidlist does not parse: " + uidlist.problems());
        }
        return uidlist;
    }
}
