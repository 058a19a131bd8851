package org.mailsnap.cli;

import java.io.PrintWriter;
import org.mailsnap.stats.MailboxShare;
import org.mailsnap.stats.RepositoryStats;

/** {@code stats} as text for a person: one figure a line, sizes human-readable. */
final class StatsText {
    private StatsText() {}

    private static String span(double days) {
        return days >= 1 ? String.format("%.1f days", days) : String.format("%.1f hours", days * 24);
    }

    static void print(RepositoryStats s, PrintWriter out) {
        out.printf(
                "snapshots:            %d%s%n",
                s.snapshots(),
                s.oldest() == null
                        ? ""
                        : " (" + SnapshotsCommand.TIME.format(s.oldest()) + " .. "
                                + SnapshotsCommand.TIME.format(s.newest()) + ")");
        out.printf(
                "repository size:      %s in %d packs (%s of referenced blobs; the rest is pack headers and data"
                        + " no snapshot references, which prune frees)%n",
                Units.bytes(s.packBytes()), s.packs(), Units.bytes(s.storedBytes()));
        out.printf(
                "messages:             %d distinct in %d mailboxes; the newest snapshots hold %d in %d mailboxes%n",
                s.messages(), s.mailboxes(), s.newestMessages(), s.newestMailboxes());
        out.printf(
                "deduplication:        %s of messages in all snapshots are %s of distinct message blobs (%s)%n",
                Units.bytes(s.logicalBytes()),
                Units.bytes(s.messageRawBytes()),
                s.deduplicationRatio().map(r -> String.format("%.1f : 1", r)).orElse("no messages"));
        out.printf(
                "across mailboxes:     %d blobs (%s) stored once for several mailboxes, saving %s%n",
                s.sharedBlobs(), Units.bytes(s.sharedStoredBytes()), Units.bytes(s.sharingSavedBytes()));
        out.printf(
                "compression:          %s of blobs stored as %s (%s)%n",
                Units.bytes(s.rawBytes()),
                Units.bytes(s.storedBytes()),
                s.compressionRatio().map(r -> String.format("%.2f : 1", r)).orElse("nothing stored"));
        out.printf(
                "growth per day:       %s%n",
                s.growthBytesPerDay()
                        .map(g -> Units.bytes(Math.round(g)) + " (" + Units.bytes(s.grownBytes()) + " over "
                                + span(s.spanDays()) + ")")
                        .orElse("unknown (one moment only)"));
        if (s.mailbox() != null) {
            MailboxShare m = s.mailbox();
            out.printf(
                    "mailbox %s: in %d snapshots, %d distinct messages; references %s, of which %s (%d blobs)"
                            + " only it references and %s it shares with other mailboxes%n",
                    m.mailbox(),
                    m.snapshots(),
                    m.messages(),
                    Units.bytes(m.referencedBytes()),
                    Units.bytes(m.ownBytes()),
                    m.ownBlobs(),
                    Units.bytes(m.sharedBytes()));
        }
    }
}
