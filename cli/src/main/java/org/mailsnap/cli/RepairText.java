package org.mailsnap.cli;

import java.io.PrintWriter;
import org.mailsnap.check.IndexRepair;

/**
 * {@code repair} as text: what was indexed and replaced, the packs that could not be read (on standard error),
 * then whether the repository is intact or which snapshots still cannot be completed; {@link
 * MaintenanceJson#repair} is the {@code --json} form.
 */
final class RepairText {
    private RepairText() {}

    static void print(IndexRepair.Result r, boolean intact, PrintWriter out, PrintWriter err) {
        out.printf(
                "indexed %d packs anew, replaced %d index files, wrote %d index files%n",
                r.indexedAnew().size(), r.replaced().size(), r.written().size());
        r.replaced().forEach(id -> out.println("  superseded index " + id.shortId()));
        warnings(r, err);
        if (intact) {
            out.println("the repository's structure is intact");
            return;
        }
        out.println("still damaged (run 'mailsnap check' for the messages concerned):");
        r.after().damage().forEach(f -> out.println("  " + f));
        r.after()
                .snapshots()
                .forEach(s -> out.println("  snapshot " + s.id().shortId()
                        + " cannot be completed: " + (s.messages() > 0 ? s.messages() + " messages; " : "")
                        + String.join("; ", s.problems())));
    }

    /** The packs repair could not read: on standard error in both forms, so {@code --json} stays one object. */
    static void warnings(IndexRepair.Result r, PrintWriter err) {
        r.unreadablePacks().forEach(f -> err.println("warning: " + f));
    }
}
