package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MaildirNameTest {
    /** With Dovecot's separator. */
    private static MaildirName parse(String fileName) {
        return MaildirName.parse(fileName, ':');
    }

    @Test
    void dovecotNameWithFlags() {
        MaildirName name = parse("1795917380.M627755P9320.vm,S=57,W=63:2,FRS");
        assertEquals("1795917380.M627755P9320.vm,S=57,W=63", name.base(), "sizes stay part of the base");
        assertEquals("2,FRS", name.info());
        assertEquals("FRS", name.flags());
        assertEquals(OptionalLong.of(57), name.sizeHint());
    }

    @Test
    void nameWithoutInfoIsAllBase() {
        MaildirName name = parse("1700000000.12345.host");
        assertEquals("1700000000.12345.host", name.base());
        assertNull(name.info());
        assertEquals("", name.flags());
        assertEquals(OptionalLong.empty(), name.sizeHint());
    }

    @Test
    void experimentalInfoIsKeptVerbatimAndHasNoFlags() {
        MaildirName name = parse("123.a.host:1,whatever:x");
        assertEquals("123.a.host", name.base());
        assertEquals("x", name.info(), "info follows the last ':'");
        MaildirName exp = parse("123.a.host:1,experimental");
        assertEquals("1,experimental", exp.info());
        assertEquals("", exp.flags());
    }

    @Test
    void emptyFlags() {
        MaildirName name = parse("123.a.host:2,");
        assertEquals("2,", name.info());
        assertEquals("", name.flags());
        assertEquals("123.a.host", name.base());
    }

    @Test
    void unknownLettersAndKeywordsAreKeptByteForByte() {
        MaildirName name = parse("123.a.host:2,PRSTDFabzXY9");
        assertEquals("PRSTDFabzXY9", name.flags());
    }

    @Test
    void baseIsBeforeTheFirstSeparatorAndInfoAfterTheLast() {
        MaildirName name = parse("base:odd:2,S");
        assertEquals("base", name.base());
        assertEquals("2,S", name.info());
        assertEquals("S", name.flags());
    }

    @Test
    void otherSeparatorsAreASetting() {
        MaildirName mbsync = MaildirName.parse("1700000000.R1.host,U=5;2,S", ';');
        assertEquals("1700000000.R1.host,U=5", mbsync.base());
        assertEquals("S", mbsync.flags());
        MaildirName asColon = MaildirName.parse("1700000000.R1.host,U=5;2,S", ':');
        assertEquals("1700000000.R1.host,U=5;2,S", asColon.base(), "with ':' a ';' is just part of the base");
        MaildirName offlineimap = MaildirName.parse("1700.x!2,RS", '!');
        assertEquals("1700.x", offlineimap.base());
        assertEquals("RS", offlineimap.flags());
    }

    @Test
    void sizeHintOnlyWhenWellFormed() {
        assertEquals(OptionalLong.of(1234), parse("1.M2P3.h,S=1234").sizeHint());
        assertEquals(OptionalLong.empty(), parse("1.M2P3.h,S=12x4").sizeHint());
        assertEquals(OptionalLong.empty(), parse("1.M2P3.h,S=").sizeHint());
    }

    @Test
    void dotFilesAreNoMessages() {
        assertFalse(MaildirName.isMessageName(".nfs0001"));
        assertFalse(MaildirName.isMessageName(""));
        assertFalse(MaildirName.isMessageName("a/b"));
        assertTrue(MaildirName.isMessageName("a.b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(".hidden"));
        assertTrue(e.getMessage().contains(".hidden"), e.getMessage());
    }
}
