package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.recovery.MessageHit;

/** {@code find}'s two renderings of the same hits, without a catalog: {@link FindText} and {@link FindJson}. */
class FindRenderingTest {
    static final SnapshotSummary SNAPSHOT =
            new SnapshotSummary("d".repeat(64), DiffRenderingTest.DATE, "host", "store", 2);
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
            new MessageHit("example.org/anne", "1.M1.h", REPLIED, SNAPSHOT, SNAPSHOT),
            List.of("answered", "seen", "$Forwarded")));

    @Test
    void textIsMailFirstThenWhereToRestoreItFrom() {
        StringWriter out = new StringWriter();
        FindText.print(HITS, 100, new PrintWriter(out, true));
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
        Map<String, Object> o = (Map<String, Object>) Json.parse(Json.object(FindJson.json(HITS, 1)));
        JsonOutputTest.keys(o, "hits", "limitReached");
        assertEquals(true, o.get("limitReached"));
        Map<String, Object> hit = ((List<Map<String, Object>>) o.get("hits")).get(0);
        assertEquals("RSa", hit.get("flags"));
        assertEquals(List.of("answered", "seen", "$Forwarded"), hit.get("flagWords"));
        assertEquals(SNAPSHOT.id(), hit.get("lastSnapshot"));
    }
}
