package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.recovery.MessageHit;

/**
 * {@code find} names keywords as the folder's {@code dovecot-keywords} does: keywords a client set over IMAP, which
 * Dovecot numbers per folder (the same keyword may be another letter in another folder), come back by name.
 */
class FindKeywordsLiveTest extends LiveDovecotTest {
    private static final String USER = "kwfind";

    @TempDir
    Path tmp;

    @Test
    void keywordsSetOverImapAreFoundByName() throws IOException {
        try (DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
                ImapSession imap = dovecot.imapSession(USER)) {
            imap.create("Archive");
            imap.append("INBOX", TestMessages.message("kw-inbox"), "\\Seen", "$Important", "ProjectX");
            imap.append("Archive", TestMessages.message("kw-archive"), "ProjectX"); // letter a here, b in INBOX
            BackupResult backup = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(backup.partial(), backup.problems().toString());

            Map<String, Set<String>> wordsByFolder = new TreeMap<>();
            for (MessageHit hit : backups.find(MessageQuery.all().withMailbox(USER))) {
                wordsByFolder.put(hit.folder().isEmpty() ? "INBOX" : hit.folder(), Set.copyOf(backups.flagWords(hit)));
            }
            assertEquals(
                    Map.of("INBOX", Set.of("seen", "$Important", "ProjectX"), ".Archive", Set.of("ProjectX")),
                    wordsByFolder);
        }
    }
}
