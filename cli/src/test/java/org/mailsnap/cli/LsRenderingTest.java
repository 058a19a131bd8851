package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.FolderEntry;

/** {@code ls --folder}'s two renderings of the same listing, without a repository: {@link LsText}, {@link LsJson}. */
class LsRenderingTest {
    static final FolderEntry INBOX = new FolderEntry(
            new FolderKey("example.org/anne", ""), 0, 0, 2, 2468, List.of(BlobId.of(new byte[32])), List.of());

    static LsReport report() {
        Map<FolderEntry, List<LsReport.Message>> messages = new LinkedHashMap<>();
        messages.put(
                INBOX,
                List.of(
                        new LsReport.Message(
                                DiffRenderingTest.state("", "1.M1.h:2,RSa", true, List.of())
                                        .placement(),
                                List.of("answered", "seen", "$Important"),
                                DiffRenderingTest.LUNCH),
                        new LsReport.Message(
                                DiffRenderingTest.state("", "2.M2.h", false, List.of())
                                        .placement(),
                                List.of(),
                                null)));
        return new LsReport(
                new SnapshotSummary(SnapshotId.parse("c".repeat(64)), DiffRenderingTest.DATE, "host", "store", 2),
                List.of(INBOX),
                messages);
    }

    @Test
    void textIsMailFirstAndTheFileComesWithLong() {
        StringWriter out = new StringWriter();
        LsText.print(report(), false, new PrintWriter(out, true));
        List<String> lines = out.toString().lines().toList();
        assertEquals("example.org/anne INBOX:", lines.get(0));
        assertEquals(
                "  " + MailText.DATE.format(DiffRenderingTest.DATE) + "  "
                        + MailText.column("Carol <carol@example.com>", 28) + "  " + MailText.column("Lunch?", 40)
                        + "  answered, seen, $Important",
                lines.get(1));
        assertEquals(true, lines.get(2).endsWith("  new"), lines.get(2));

        StringWriter withFiles = new StringWriter();
        LsText.print(report(), true, new PrintWriter(withFiles, true));
        List<String> long_ = withFiles.toString().lines().toList();
        assertEquals(lines.get(1) + "  cur       1234  1.M1.h:2,RSa", long_.get(1));
        assertEquals(lines.get(2) + "  new       1234  2.M2.h", long_.get(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheMailFieldsNextToTheFile() {
        Map<String, Object> o = (Map<String, Object>) Json.parse(Json.object(LsJson.of(report())));
        JsonOutputTest.keys(o, "snapshot", "time", "folders");
        Map<String, Object> folder = ((List<Map<String, Object>>) o.get("folders")).get(0);
        List<Map<String, Object>> placements = (List<Map<String, Object>>) folder.get("placements");
        JsonOutputTest.keys(placements.get(0), "name", "dir", "mtime", "size", "flags", "date", "from", "subject");
        assertEquals(
                List.of("answered", "seen", "$Important"), placements.get(0).get("flags"));
        assertEquals("Carol <carol@example.com>", placements.get(0).get("from"));
        assertEquals(null, placements.get(1).get("subject"));
    }
}
