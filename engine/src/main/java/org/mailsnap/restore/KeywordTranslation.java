package org.mailsnap.restore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailsnap.maildir.Keywords;

/**
 * Rewrites the keyword letters of message names from a snapshot folder's {@code dovecot-keywords} to a live folder's,
 * for a merge restore.
 *
 * <p>A letter {@code a}–{@code z} after {@code 2,} means a keyword <em>name</em> through its folder's keywords file,
 * and the live folder may give that name another letter or none. So each letter is turned into its name through the
 * snapshot's file and back into a letter through the live file. A name the live folder lacks cannot be added (Dovecot
 * owns that file and writes it under its lock): the letter is dropped and counted, and {@link #notes} says so. System
 * flags and other letters are kept verbatim and in place; translated keyword letters follow them, sorted, as Dovecot
 * writes them. A name whose keyword letters all map to themselves is returned unchanged, byte for byte.
 */
final class KeywordTranslation {
    private final String folder;
    private final char separator;
    private final Keywords snapshot;
    private final Keywords live;
    private final Map<String, Character> liveLetters = new HashMap<>();
    /** Dropped letters by reason, with how many messages lost them. */
    private final Map<String, Integer> dropped = new TreeMap<>();

    /**
     * @param folder    the folder as shown in notes
     * @param separator the snapshot's info separator
     * @param snapshot  the snapshot folder's keywords, or null when it had no keywords file
     * @param live      the live folder's keywords, or null when it has no keywords file
     */
    KeywordTranslation(String folder, char separator, Keywords snapshot, Keywords live) {
        this.folder = folder;
        this.separator = separator;
        this.snapshot = snapshot;
        this.live = live;
        if (live != null) {
            live.byIndex().forEach((index, name) -> liveLetters.putIfAbsent(name, (char) ('a' + index)));
        }
    }

    /** The file name to write in the live folder for {@code name} from the snapshot. Not thread-safe. */
    String translate(String name) {
        int last = name.lastIndexOf(separator);
        if (last < 0 || !name.startsWith("2,", last + 1)) {
            return name;
        }
        String flags = name.substring(last + 3);
        StringBuilder kept = new StringBuilder(flags.length());
        TreeSet<Character> keywords = new TreeSet<>();
        boolean changed = false;
        for (int i = 0; i < flags.length(); i++) {
            char letter = flags.charAt(i);
            if (letter < 'a' || letter > 'z') {
                kept.append(letter);
                continue;
            }
            Character mapped = map(letter);
            changed |= mapped == null || mapped != letter;
            if (mapped != null) {
                keywords.add(mapped);
            }
        }
        if (!changed) {
            return name;
        }
        keywords.forEach(kept::append);
        return name.substring(0, last + 3) + kept;
    }

    /** One line per reason a keyword was not set, with the number of messages it was not set on. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        dropped.forEach((reason, count) ->
                notes.add(folder + ": " + reason + ": not set on " + count + (count == 1 ? " message" : " messages")));
        return notes;
    }

    private Character map(char letter) {
        String keyword = snapshot == null ? null : snapshot.nameOf(letter);
        if (keyword == null) {
            count("keyword letter '" + letter + "' has no name in the snapshot's dovecot-keywords");
            return null;
        }
        if (live == null) {
            count("keyword " + keyword + ": the live folder has no dovecot-keywords");
            return null;
        }
        Character mapped = liveLetters.get(keyword);
        if (mapped == null) {
            count("keyword " + keyword + " not in the live folder's dovecot-keywords");
        }
        return mapped;
    }

    private void count(String reason) {
        dropped.merge(reason, 1, Integer::sum);
    }
}
