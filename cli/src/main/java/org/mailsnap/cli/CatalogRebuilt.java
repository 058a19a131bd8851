package org.mailsnap.cli;

import java.nio.file.Path;
import java.util.Map;
import org.mailsnap.recovery.RebuildResult;

/**
 * What a rebuild of the local catalog did ({@link CatalogRebuilder}): {@code catalog rebuild} reports it in full; a
 * command that rebuilt an outdated catalog before its own work ({@link CatalogOpening}) says so in one line and adds
 * {@link #json()} to its {@code --json} object as {@code catalogRebuilt}.
 *
 * @param reason why it was rebuilt without being asked ({@code "format 2, older than this mailsnap's 3"}); null for
 *               {@code catalog rebuild}
 */
record CatalogRebuilt(Path directory, String reason, RebuildResult result, long headersUnreadable) {
    Map<String, Object> json() {
        Map<String, Object> o = MaintenanceJson.rebuild(directory.toString(), result, headersUnreadable);
        o.put("reason", reason);
        return o;
    }

    /** The line a command prints on stderr before going on with its own work. */
    String line() {
        return String.format(
                "mailsnap: the local catalog at %s was %s: rebuilt it from the repository (%d snapshots of %d stores,"
                        + " %d messages, %.1f s)",
                directory,
                reason,
                result.snapshots(),
                result.stores(),
                result.messages(),
                result.durationNanos() / 1e9);
    }
}
