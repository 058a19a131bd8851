package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mailsnap.maildir.ControlFiles.Kind;

class ControlFilesTest {

    @Test
    void keptFilesPerTheTable() {
        assertEquals(Kind.UIDLIST, ControlFiles.classify("dovecot-uidlist"));
        assertEquals(Kind.KEYWORDS, ControlFiles.classify("dovecot-keywords"));
        assertEquals(Kind.SUBSCRIPTIONS, ControlFiles.classify("subscriptions"));
        assertEquals(Kind.MAILDIRFOLDER_MARKER, ControlFiles.classify("maildirfolder"));
        assertEquals(Kind.UIDVALIDITY, ControlFiles.classify("dovecot-uidvalidity"));
        assertEquals(Kind.UIDVALIDITY, ControlFiles.classify("dovecot-uidvalidity.6a8f3c21"));
        for (String kept : new String[] {
            "dovecot-uidlist",
            "dovecot-keywords",
            "subscriptions",
            "maildirfolder",
            "dovecot-uidvalidity",
            "dovecot-uidvalidity.6a8f3c21"
        }) {
            assertTrue(ControlFiles.classify(kept).keep(), kept);
        }
    }

    @Test
    void skippedFilesPerTheTable() {
        assertEquals(Kind.INDEX_CACHE, ControlFiles.classify("dovecot.index"));
        assertEquals(Kind.INDEX_CACHE, ControlFiles.classify("dovecot.index.log"));
        assertEquals(Kind.INDEX_CACHE, ControlFiles.classify("dovecot.index.cache"));
        assertEquals(Kind.INDEX_CACHE, ControlFiles.classify("dovecot.list.index.log"));
        assertEquals(Kind.QUOTA_CACHE, ControlFiles.classify("maildirsize"));
        assertEquals(Kind.LOCK, ControlFiles.classify("dovecot-uidlist.lock"));
        assertEquals(Kind.TEMPORARY, ControlFiles.classify("dovecot-uidlist.tmp"));
        assertEquals(Kind.TEMPORARY, ControlFiles.classify(".temp.vm.1234.abcdef"));
        assertEquals(Kind.OTHER, ControlFiles.classify("dovecot-uidvalidity.xyz"), "not hex: not the allocator");
        for (String skipped : new String[] {
            "dovecot.index",
            "dovecot.list.index",
            "maildirsize",
            "x.lock",
            "dovecot-uidlist.tmp",
            ".temp.a.b",
            "unknown-file"
        }) {
            assertFalse(ControlFiles.classify(skipped).keep(), skipped);
        }
    }

    @Test
    void scope() {
        assertTrue(Kind.SUBSCRIPTIONS.mailboxLevel());
        assertTrue(Kind.UIDVALIDITY.mailboxLevel());
        assertFalse(Kind.UIDLIST.mailboxLevel());
        assertFalse(Kind.KEYWORDS.mailboxLevel());
        assertFalse(Kind.MAILDIRFOLDER_MARKER.mailboxLevel());
    }
}
