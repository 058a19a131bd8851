package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder's {@code dovecot-keywords}: lines {@code <index> <name>}, index 0 is flag letter {@code a}, 25 is
 * {@code z}. Dovecot adds a keyword at the first free index when a message first gets it and never renumbers.
 */
final class Keywords {
    static final String FILE = "dovecot-keywords";
    static final int MAX = 26;

    /** The keywords the generator and the churn simulator use, most common first. */
    static final String[] CATALOG = {"NonJunk", "$Forwarded", "$Junk", "$MDNSent", "$label1", "Work"};

    private final List<String> names = new ArrayList<>();
    private boolean changed;

    static Keywords read(Path folder) throws IOException {
        Keywords keywords = new Keywords();
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return keywords;
        }
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (line.isBlank()) {
                continue;
            }
            int index;
            try {
                index = space < 0 ? -1 : Integer.parseInt(line.substring(0, space));
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index >= MAX) {
                throw new IOException(folder.resolve(FILE) + ": malformed line '" + line + "'");
            }
            while (keywords.names.size() <= index) {
                keywords.names.add(null);
            }
            keywords.names.set(index, line.substring(space + 1));
        }
        return keywords;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Whether a keyword was defined since the file was read or last saved. */
    boolean changed() {
        return changed;
    }

    void markSaved() {
        changed = false;
    }

    /** The name behind a flag letter, or null when the letter is not defined here. */
    String nameOf(char letter) {
        int index = letter - 'a';
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }

    /** The letter for {@code name}, defining it at the first free index; '\0' when all 26 are taken. */
    char letterFor(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            index = names.indexOf(null);
            if (index < 0) {
                if (names.size() == MAX) {
                    return '\0';
                }
                names.add(name);
                index = names.size() - 1;
            } else {
                names.set(index, name);
            }
            changed = true;
        }
        return (char) ('a' + index);
    }

    byte[] fileContent() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                text.append(i).append(' ').append(names.get(i)).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
