package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mailsnap.mail.HeaderFields;

/** The operations backups and rebuilds both write the search index with. */
class MessageInfoTest {
    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-02T10:00:00Z");

    private static HeaderFields headers(String block) {
        return HeaderFields.parse(block.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void firstSightJoinsToAndCcAndLeavesAbsentFieldsNull() {
        MessageInfo m = MessageInfo.firstSeen(
                headers("To: a@x\r\nCc: b@x\r\nSubject: hi\r\n\r\n"),
                MessageInfo.SNAPSHOT_NOT_SAVED_YET,
                FIRST,
                ".Sent",
                "S");
        assertEquals("a@x, b@x", m.to());
        assertEquals("hi", m.subject());
        assertNull(m.messageId());
        assertNull(m.from());
        assertNull(m.date());
        assertEquals("", m.firstSnapshot());
        assertEquals(FIRST, m.firstSeen());
        assertEquals(FIRST, m.lastSeen());
        assertTrue(m.present());
        assertEquals(".Sent", m.folder());
        assertEquals("S", m.flags());

        assertEquals(
                "b@x",
                MessageInfo.firstSeen(headers("Cc: b@x\r\n\r\n"), "s1", FIRST, "", "")
                        .to());
        assertEquals(
                "a@x",
                MessageInfo.firstSeen(headers("To: a@x\r\n\r\n"), "s1", FIRST, "", "")
                        .to());
        assertNull(MessageInfo.firstSeen(headers("Subject: x\r\n\r\n"), "s1", FIRST, "", "")
                .to());
    }

    @Test
    void goneAndSeenAgainKeepTheHeaderFieldsAndTheFirstSnapshot() {
        MessageInfo first =
                MessageInfo.firstSeen(headers("Message-ID: <id@x>\r\nFrom: f@x\r\n\r\n"), "s1", FIRST, "", "S");
        MessageInfo gone = first.goneAfter("s2", LATER, LATER.plusSeconds(3600));
        assertFalse(gone.present());
        assertEquals("s2", gone.lastSnapshot());
        assertEquals(LATER, gone.lastSeen());
        assertEquals(LATER.plusSeconds(3600), gone.goneBy());
        assertEquals(first.messageId(), gone.messageId());
        assertEquals(first.from(), gone.from());
        assertEquals("s1", gone.firstSnapshot());
        assertEquals("", gone.folder(), "where it was last seen");

        MessageInfo back = gone.seenIn(LATER.plusSeconds(3600), ".Archive", "RS");
        assertTrue(back.present());
        assertNull(back.goneBy(), "present again: gone by nothing");
        assertEquals(".Archive", back.folder());
        assertEquals("RS", back.flags());
        assertEquals(FIRST, back.firstSeen());
        assertEquals(first.messageId(), back.messageId());

        assertFalse(
                first.goneAfter(MessageInfo.NO_KNOWN_SNAPSHOT, FIRST, LATER).present(),
                "gone before any snapshot is still gone");
    }

    @Test
    void aDepartureIsLaterByLastSeenFirstThenByGoneByToTheSecond() {
        MessageInfo first = MessageInfo.firstSeen(headers("Subject: x\r\n\r\n"), "s1", FIRST, "", "S");
        assertFalse(first.leftBefore(Long.MAX_VALUE, Long.MAX_VALUE), "present: no departure to be later than");
        MessageInfo gone = first.goneAfter("s2", Instant.ofEpochSecond(100, 700), Instant.ofEpochSecond(200, 1));
        assertTrue(gone.leftBefore(101, 150), "last seen later");
        assertTrue(gone.leftBefore(100, 201), "last seen in the same second, gone by later");
        assertFalse(gone.leftBefore(100, 200), "the same departure, to the second");
        assertFalse(gone.leftBefore(99, 300), "last seen earlier: an earlier departure, whatever its gone-by");
        assertThrows(
                IllegalArgumentException.class,
                () -> new MessageInfo(null, null, null, null, null, "s1", FIRST, "s2", FIRST, null, "", ""),
                "gone without a gone-by time");
    }
}
