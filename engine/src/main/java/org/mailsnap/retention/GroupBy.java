package org.mailsnap.retention;

import java.util.Locale;

/** How snapshots are grouped before the policy applies ({@code --group-by}). */
public enum GroupBy {
    /** One group per store: host and store path (the default). */
    HOST_PATH,
    HOST,
    PATH,
    /** All snapshots in one group. */
    NONE;

    /** Parses {@code host,path}, {@code host}, {@code path} or {@code none} (also {@code path,host}, empty). */
    public static GroupBy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "host,path", "path,host" -> HOST_PATH;
            case "host" -> HOST;
            case "path" -> PATH;
            case "none", "" -> NONE;
            default ->
                throw new IllegalArgumentException(
                        "--group-by takes host, path, host,path or none, not '" + text + "'");
        };
    }

    /** The group key of a snapshot taken by {@code host} of the store at {@code store}. */
    public String key(String host, String store) {
        return switch (this) {
            case HOST_PATH -> host + ":" + store;
            case HOST -> host;
            case PATH -> store;
            case NONE -> "";
        };
    }
}
