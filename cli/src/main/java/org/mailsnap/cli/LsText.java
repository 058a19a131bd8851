package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.List;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.FolderEntry;

/**
 * {@code ls} as text: a table of folders; with {@code --folder}, each folder's messages mail first (date, From,
 * Subject, flags in words), and with {@code --long} each line ends with {@code cur|new}, size, file name and GUID
 * (when it is not the base).
 */
final class LsText {
    private LsText() {}

    static void print(LsReport report, boolean withFiles, PrintWriter out) {
        if (report.messages() == null) {
            out.printf("%-40s %-24s %9s %12s%n", "MAILBOX", "FOLDER", "MESSAGES", "SIZE");
            for (FolderEntry f : report.folders()) {
                out.printf(
                        "%-40s %-24s %9d %12s%n",
                        NameBytes.printable(f.key().mailbox()),
                        LsReport.folderName(f),
                        f.messages(),
                        Units.bytes(f.bytes()));
            }
            return;
        }
        for (FolderEntry f : report.folders()) {
            out.println(NameBytes.printable(f.key().mailbox()) + " " + LsReport.folderName(f) + ":");
            for (LsReport.Message m : report.messages().getOrDefault(f, List.of())) {
                Placement p = m.placement();
                String line = "  " + MailText.line(m.info(), p.mtimeNanos(), MailText.flags(m.flags(), p.inCur()));
                if (withFiles) {
                    line += String.format(
                            "  %s %10d  %s%s",
                            p.inCur() ? "cur" : "new",
                            p.content().size(),
                            p.name(),
                            p.guid().isEmpty() ? "" : "  guid " + p.guid());
                }
                out.println(NameBytes.printable(line));
            }
        }
    }
}
