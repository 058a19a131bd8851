package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mailsnap.repository.KeyInfo;

/** The {@code key} subcommands as text: one line each, and for {@code list} a table; {@link KeyJson} is the JSON. */
final class KeyText {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private KeyText() {}

    static String added(KeyInfo key) {
        return "added key " + key.id();
    }

    static String removed(String id) {
        return "removed key " + id;
    }

    static String passwordChanged(KeyInfo key) {
        return "password changed (new key " + key.id() + ")";
    }

    /** A table of the keys; {@code *} marks the one that opened the repository, a problem follows its label. */
    static void list(List<KeyInfo> keys, PrintWriter out) {
        out.printf("%-2s %-32s %-19s %s%n", "", "ID", "CREATED", "LABEL");
        for (KeyInfo k : keys) {
            out.printf(
                    "%-2s %-32s %-19s %s%s%n",
                    k.inUse() ? "*" : "",
                    k.id(),
                    k.created() == null ? "?" : TIME.format(k.created()),
                    k.label(),
                    k.problem().isEmpty() ? "" : "  (" + k.problem() + ")");
        }
    }
}
