package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.recovery.MessageHit;

/** {@code find}'s two renderings of the same hits, without a catalog: {@link FindText} and {@link FindJson}. */
class FindRenderingTest {
    static final SnapshotSummary SNAPSHOT =
            new SnapshotSummary(SnapshotId.parse("d".repeat(64)), DiffRenderingTest.DATE, "host", "store", 2);
    static final MessageInfo REPLIED = new MessageInfo(
            "<lunch@example.com>",
            "Carol <carol@example.com>",
            "anne",
            "Lunch?",
            DiffRenderingTest.DATE,
            "",
            DiffRenderingTest.DATE,
            null,
            DiffRenderingTest.DATE,
            null,
            ".Sent",
            "RSa");
    static final List<FindHit> HITS = List.of(new FindHit(
            new MessageHit("example.org/anne", "1.M1.h", REPLIED, SNAPSHOT, SNAPSHOT, null),
            List.of("answered", "seen", "$Forwarded")));

    @Test
    void textIsMailFirstThenWhereToRestoreItFrom() {
        StringWriter out = new StringWriter();
        FindText.print(HITS, false, new PrintWriter(out, true));
        assertEquals(
                String.join(
                        "\n",
                        "example.org/anne .Sent  " + MailText.DATE.format(DiffRenderingTest.DATE) + "  "
                                + MailText.column("Carol <carol@example.com>", 28) + "  "
                                + MailText.column("Lunch?", 40)
                                + "  answered, seen, $Forwarded",
                        "    guid: 1.M1.h   first in: dddddddddddd ("
                                + SnapshotsCommand.TIME.format(DiffRenderingTest.DATE)
                                + ")   last in: dddddddddddd (" + SnapshotsCommand.TIME.format(DiffRenderingTest.DATE)
                                + ") (still present)",
                        "1 found",
                        ""),
                out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsOneObjectOfTheSchema() {
        Map<String, Object> o = (Map<String, Object>) Json.parse(Json.object(FindJson.json(HITS, true)));
        JsonOutputTest.keys(o, "hits", "limitReached");
        assertEquals(true, o.get("limitReached"));
        Map<String, Object> hit = ((List<Map<String, Object>>) o.get("hits")).get(0);
        assertEquals("RSa", hit.get("flags"));
        assertEquals(List.of("answered", "seen", "$Forwarded"), hit.get("flagWords"));
        assertEquals(SNAPSHOT.id().hex(), hit.get("lastSnapshot"));
    }

    @Test
    void aMessageKeptOnlyByTheLedgerSaysWhenItWentAndHowToRestoreIt() {
        java.time.Instant lastSeen = DiffRenderingTest.DATE.plusSeconds(86_400);
        MessageInfo gone = REPLIED.goneAfter(
                MessageInfo.NO_KNOWN_SNAPSHOT,
                lastSeen,
                lastSeen.plusSeconds(3600).plusNanos(5));
        FindHit hit =
                new FindHit(new MessageHit("example.org/an ne", "1.M1.h", gone, null, null, SNAPSHOT), List.of("seen"));
        StringWriter out = new StringWriter();
        FindText.print(List.of(hit), false, new PrintWriter(out, true));
        String[] lines = out.toString().split("\n");
        assertEquals(
                "    guid: 1.M1.h   first in: ?   last in: forgotten, kept in the deleted-mail ledger of dddddddddddd ("
                        + SnapshotsCommand.TIME.format(DiffRenderingTest.DATE) + ")",
                lines[1]);
        assertEquals(
                "    gone: after " + SnapshotsCommand.TIME.format(lastSeen) + ", by "
                        + SnapshotsCommand.TIME.format(lastSeen.plusSeconds(3600)) + "   restore: mailsnap restore"
                        + " --snapshot " + SNAPSHOT.id()
                        + " --mailbox 'example.org/an ne' --message 1.M1.h --target DIR",
                lines[2]);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = ((List<Map<String, Object>>)
                        ((Map<String, Object>) Json.parse(Json.object(FindJson.json(List.of(hit), false)))).get("hits"))
                .get(0);
        assertEquals(lastSeen.plusSeconds(3600).toString(), json.get("goneBy"), "to the second");
        assertEquals(SNAPSHOT.id().hex(), json.get("ledger"));
        assertNull(json.get("lastSnapshot"));
    }

    @Test
    void shellWordsQuoteWhatAShellWouldReadOtherwise() {
        assertEquals(
                "restore -m 'a b' --message 'it'\\''s' ''",
                FindText.shellWords(List.of("restore", "-m", "a b", "--message", "it's", "")));
    }
}
