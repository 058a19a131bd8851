package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.maildir.Keywords;

class KeywordTranslationTest {
    private static Keywords keywords(String lines) {
        return Keywords.parse(lines.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lettersFollowTheirNamesAndOtherLettersStayInPlace() {
        KeywordTranslation t = new KeywordTranslation(
                "INBOX", ':', keywords("0 $Junk\n1 $Work\n2 $Gone\n"), keywords("0 $Work\n1 $Other\n2 $Junk\n"));
        assertEquals("b:2,FXSac", t.translate("b:2,FXSab"), "a=$Junk→c, b=$Work→a, sorted after the rest");
        assertEquals("b:x:2,S", t.translate("b:x:2,Sc"), "$Gone dropped; the earlier ':x' part kept");
        assertEquals(
                List.of("INBOX: keyword $Gone not in the live folder's dovecot-keywords: not set on 1 message"),
                t.notes());
    }

    @Test
    void namesWithoutKeywordFlagsOrThatMapToThemselvesAreUntouched() {
        KeywordTranslation t = new KeywordTranslation("INBOX", ';', keywords("0 $Junk\n"), keywords("0 $Junk\n"));
        for (String name : List.of("base", "base;1,abc", "base;2,", "base;2,SRa", "base:2,b")) {
            assertEquals(name, t.translate(name));
        }
        assertEquals(List.of(), t.notes());
    }

    @Test
    void withoutKeywordFilesLettersAreDroppedAndCounted() {
        KeywordTranslation noLive = new KeywordTranslation(".Work", ':', keywords("0 $Junk\n"), null);
        assertEquals("m:2,S", noLive.translate("m:2,Sa"));
        assertEquals("n:2,", noLive.translate("n:2,a"));
        assertEquals(
                List.of(".Work: keyword $Junk: the live folder has no dovecot-keywords: not set on 2 messages"),
                noLive.notes());
        KeywordTranslation noSnapshot = new KeywordTranslation(".Work", ':', null, keywords("0 $Junk\n"));
        assertEquals("m:2,T", noSnapshot.translate("m:2,Tz"));
        assertEquals(
                List.of(".Work: keyword letter 'z' has no name in the snapshot's dovecot-keywords: not set on"
                        + " 1 message"),
                noSnapshot.notes());
    }
}
