package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void indexNameLinesMapToLetters() {
        byte[] content = "0 $Junk\n1 $Forwarded\n25 last one\n".getBytes(StandardCharsets.UTF_8);
        Keywords keywords = Keywords.parse(content);
        assertEquals(Map.of(0, "$Junk", 1, "$Forwarded", 25, "last one"), keywords.byIndex());
        assertEquals("$Junk", keywords.nameOf('a'));
        assertEquals("$Forwarded", keywords.nameOf('b'));
        assertEquals("last one", keywords.nameOf('z'));
        assertNull(keywords.nameOf('c'));
        assertNull(keywords.nameOf('S'), "system flags are no keywords");
    }

    @Test
    void badLinesAreIgnored() {
        byte[] content = "0 $Junk\n26 too far\nx y\n3\n\n4 ok".getBytes(StandardCharsets.UTF_8);
        Keywords keywords = Keywords.parse(content);
        assertEquals(Map.of(0, "$Junk", 4, "ok"), keywords.byIndex());
    }
}
