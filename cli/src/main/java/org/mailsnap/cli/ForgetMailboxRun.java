package org.mailsnap.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.retention.ForgetMailbox;

/** {@code forget --mailbox M}: the replacement of every snapshot holding M, and the catalog forgetting M. */
final class ForgetMailboxRun {
    private ForgetMailboxRun() {}

    /** Returns the exit code: 0, or 3 when a snapshot could not be read (it may still hold the mailbox). */
    static int run(Environment env, Session session, String mailbox, boolean dryRun) throws IOException {
        ForgetMailbox forget = new ForgetMailbox(session.repository, session.catalog.blobs());
        if (dryRun) {
            List<String> holding = forget.holding(mailbox);
            holding.forEach(id -> env.out().println("would replace " + id.substring(0, 12) + " by a snapshot without "
                    + mailbox));
            env.out().printf("would remove %s from %d snapshots (dry run: nothing changed)%n", mailbox,
                    holding.size());
            return ExitCode.OK.code();
        }
        ForgetMailbox.Result r = forget.run(mailbox, n -> { });
        try (CatalogWriter w = session.catalog.beginWrite()) {
            w.forgetMailbox(mailbox);
            w.commit();
        }
        for (Map.Entry<String, String> e : r.replaced()) {
            env.out().println("replaced " + e.getKey().substring(0, 12) + " by " + e.getValue().substring(0, 12));
        }
        if (r.leftoversDeleted() > 0) {
            env.out().printf("deleted %d superseded snapshots an interrupted run left%n", r.leftoversDeleted());
        }
        env.out().printf("removed %s from %d snapshots; 'prune' deletes the data only it referenced%n", mailbox,
                r.replaced().size());
        for (String problem : r.unreadable()) {
            env.err().println("mailsnap: warning: snapshot left alone, it cannot be read (it may still hold "
                    + mailbox + "): " + problem);
        }
        session.history(); // the catalog learns the replacements now
        return r.unreadable().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }
}
