package org.mailsnap.dovecot;

import jakarta.mail.Flags;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Converts between IMAP flag spellings ({@code \Seen}, {@code $Junk}) and Jakarta Mail's {@link Flags}. */
final class ImapFlags {

    private static final Map<String, Flags.Flag> SYSTEM = Map.of(
            "\\Answered", Flags.Flag.ANSWERED,
            "\\Deleted", Flags.Flag.DELETED,
            "\\Draft", Flags.Flag.DRAFT,
            "\\Flagged", Flags.Flag.FLAGGED,
            "\\Seen", Flags.Flag.SEEN);

    private ImapFlags() {}

    static Flags toFlags(String... imapFlags) {
        Flags flags = new Flags();
        for (String name : imapFlags) {
            if (name.startsWith("\\")) {
                Flags.Flag system = SYSTEM.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not a settable IMAP system flag: " + name));
                flags.add(system);
            } else if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || "(){%*\"\\]".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("not a valid IMAP keyword: '" + name + "'");
            } else {
                flags.add(name);
            }
        }
        return flags;
    }

    /** Sorted IMAP spellings; {@code \Recent} is left out because it belongs to one session, not to the message. */
    static Set<String> toNames(Flags flags) {
        Set<String> names = new TreeSet<>();
        SYSTEM.forEach((name, flag) -> {
            if (flags.contains(flag)) {
                names.add(name);
            }
        });
        names.addAll(Set.of(flags.getUserFlags()));
        return names;
    }
}
