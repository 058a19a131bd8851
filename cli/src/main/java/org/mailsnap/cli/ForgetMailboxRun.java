package org.mailsnap.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.retention.ForgetMailbox;

/** {@code forget --mailbox M}: the replacement of every snapshot holding M, and the catalog forgetting M. */
final class ForgetMailboxRun {
    private ForgetMailboxRun() {}

    /**
     * Returns the exit code: 0, or 3 when a snapshot could not be read (it may still hold the mailbox).
     *
     * @param json null to print text; else filled with the README's {@code forget --mailbox --json} keys
     */
    static int run(Environment env, Session session, String mailbox, boolean dryRun, Map<String, Object> json)
            throws IOException {
        ForgetMailbox forget = new ForgetMailbox(session.repository, session.catalog.blobs());
        if (dryRun) {
            List<SnapshotId> holding = forget.holding(mailbox);
            if (json != null) {
                json.put("mailbox", mailbox);
                json.put("dryRun", true);
                json.put(
                        "replaced",
                        holding.stream().map(id -> replacement(id, null)).toList());
                json.put("leftoversDeleted", 0);
                json.put("unreadable", List.of());
                return ExitCode.OK.code();
            }
            holding.forEach(
                    id -> env.out().println("would replace " + id.shortId() + " by a snapshot without " + mailbox));
            env.out().printf("would remove %s from %d snapshots (dry run: nothing changed)%n", mailbox, holding.size());
            return ExitCode.OK.code();
        }
        ForgetMailbox.Result r = forget.run(mailbox, n -> {});
        try (CatalogWriter w = session.catalog.beginWrite()) {
            w.forgetMailbox(mailbox);
            w.commit();
        }
        if (json != null) {
            json.put("mailbox", mailbox);
            json.put("dryRun", false);
            json.put(
                    "replaced",
                    r.replaced().stream()
                            .map(e -> replacement(e.getKey(), e.getValue()))
                            .toList());
            json.put("leftoversDeleted", r.leftoversDeleted());
            json.put("unreadable", r.unreadable());
        } else {
            for (Map.Entry<SnapshotId, SnapshotId> e : r.replaced()) {
                env.out()
                        .println("replaced " + e.getKey().shortId() + " by "
                                + e.getValue().shortId());
            }
            if (r.leftoversDeleted() > 0) {
                env.out().printf("deleted %d superseded snapshots an interrupted run left%n", r.leftoversDeleted());
            }
            env.out()
                    .printf(
                            "removed %s from %d snapshots; 'prune' deletes the data only it referenced%n",
                            mailbox, r.replaced().size());
        }
        for (String problem : r.unreadable()) {
            env.err()
                    .println("mailsnap: warning: snapshot left alone, it cannot be read (it may still hold " + mailbox
                            + "): " + problem);
        }
        session.history(); // the catalog learns the replacements now
        return r.unreadable().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    private static Map<String, Object> replacement(SnapshotId snapshot, SnapshotId by) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("snapshot", snapshot.hex());
        o.put("by", by == null ? null : by.hex());
        return o;
    }
}
