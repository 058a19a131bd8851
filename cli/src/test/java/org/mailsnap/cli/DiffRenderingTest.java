package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.diff.Change;
import org.mailsnap.diff.DiffTotals;
import org.mailsnap.diff.MessageState;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;

/** {@code diff}'s two renderings of the same changes, without a repository: {@link DiffText} and {@link DiffJson}. */
class DiffRenderingTest {
    static final Instant DATE = Instant.parse("2026-11-24T10:00:00Z");
    static final MessageInfo LUNCH = new MessageInfo(
            "<lunch@example.com>",
            "Carol <carol@example.com>",
            "anne",
            "Lunch?",
            DATE,
            "",
            DATE,
            null,
            DATE,
            null,
            "",
            "S");

    static MessageState state(String folder, String name, boolean inCur, List<String> flags) {
        MessageContent content = new MessageContent(BlobId.of(new byte[32]), List.of(), 1234);
        String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        return new MessageState(
                folder, base, new Placement(name, inCur, DATE.toEpochMilli() * 1_000_000, content), flags);
    }

    static final List<Change> CHANGES = List.of(
            new Change(
                    Change.Kind.FLAGS_CHANGED,
                    "example.org/anne",
                    "1.M1.h",
                    state("", "1.M1.h", false, List.of()),
                    state("", "1.M1.h:2,RSa", true, List.of("answered", "seen", "$Important")),
                    LUNCH),
            new Change(
                    Change.Kind.MOVED,
                    "example.org/anne",
                    "2.M2.h",
                    state(".Archive", "2.M2.h:2,S", true, List.of("seen")),
                    state("", "3.M3.h:2,S", true, List.of("seen")),
                    null),
            new Change(
                    Change.Kind.ADDED,
                    "example.org/bob",
                    "4.M4.h",
                    null,
                    state(".Sent", "4.M4.h", false, List.of()),
                    LUNCH));

    static String text(boolean withFiles) {
        StringWriter out = new StringWriter();
        DiffText text = new DiffText(new PrintWriter(out, true), withFiles);
        CHANGES.forEach(text::change);
        text.end(new DiffTotals(1, 0, 1, 1));
        return out.toString();
    }

    @Test
    void textIsMailFirstAndTheFileComesWithLong() {
        String date = MailText.DATE.format(DATE);
        String arrival = MailText.DATE.format(DATE); // the mtime, where the index knows no Date
        assertEquals(
                String.join(
                        "\n",
                        "example.org/anne",
                        "  ~ INBOX: " + date + "  " + MailText.column("Carol <carol@example.com>", 28) + "  "
                                + MailText.column("Lunch?", 40) + "  new -> answered, seen, $Important",
                        "  > .Archive -> INBOX: " + arrival + "  " + MailText.column(null, 28) + "  "
                                + MailText.column(null, 40) + "  seen",
                        "example.org/bob",
                        "  + .Sent: " + date + "  " + MailText.column("Carol <carol@example.com>", 28) + "  "
                                + MailText.column("Lunch?", 40) + "  new",
                        "1 added, 0 expunged, 1 moved, 1 flags changed",
                        ""),
                text(false));
        List<String> long_ = text(true).lines().toList();
        assertEquals(true, long_.get(1).endsWith("  new/1.M1.h -> cur/1.M1.h:2,RSa"), long_.get(1));
        assertEquals(true, long_.get(2).endsWith("  cur/3.M3.h:2,S (was 2.M2.h:2,S, same GUID)"), long_.get(2));
        assertEquals(true, long_.get(4).endsWith("  new/4.M4.h"), long_.get(4));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsOneObjectOfTheSchema() {
        StringWriter out = new StringWriter();
        DiffJson json = new DiffJson(
                new PrintWriter(out, true), SnapshotId.parse("a".repeat(64)), SnapshotId.parse("b".repeat(64)));
        CHANGES.forEach(json::change);
        json.end(new DiffTotals(1, 0, 1, 1));
        assertEquals(1, out.toString().lines().count(), out.toString());
        Map<String, Object> o = (Map<String, Object>) Json.parse(out.toString());
        JsonOutputTest.keys(o, "snapshot1", "snapshot2", "changes", "added", "expunged", "moved", "flagsChanged");
        assertEquals(1L, o.get("moved"));
        List<Map<String, Object>> changes = (List<Map<String, Object>>) o.get("changes");
        assertEquals(
                List.of("flagsChanged", "moved", "added"),
                changes.stream().map(c -> c.get("kind")).toList());
        JsonOutputTest.keys(changes.get(0), "kind", "mailbox", "guid", "date", "from", "subject", "before", "after");
        assertEquals("Lunch?", changes.get(0).get("subject"));
        assertEquals(DATE.toString(), changes.get(0).get("date"));
        Map<String, Object> after = (Map<String, Object>) changes.get(0).get("after");
        JsonOutputTest.keys(after, "folder", "name", "dir", "flags", "mtime", "size");
        assertEquals(List.of("answered", "seen", "$Important"), after.get("flags"));
        assertEquals("INBOX", after.get("folder"));
        assertEquals(null, changes.get(2).get("before"), "added: no before");
        assertEquals(null, changes.get(1).get("subject"), "not in the index: null");
    }
}
