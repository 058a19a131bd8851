package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a private Dovecot's log files (in order, as one text) and picks out the lines that mean something went wrong for a backup tool's
 * purposes: any {@code Error:}, {@code Fatal:} or {@code Panic:}; a duplicate base that Dovecot had to rename
 * ({@code Fixed a duplicate}); a message that came back after an expunge; and any warning or error about the
 * uidlist (Dovecot deletes a broken uidlist and renumbers the folder, which clients see as lost caches).
 */
final class DovecotLog {

    private static final List<Pattern> PROBLEMS = List.of(
            Pattern.compile(": (Error|Fatal|Panic): "),
            Pattern.compile("Fixed a duplicate"),
            Pattern.compile("reappeared"),
            Pattern.compile(": Warning: .*uidlist", Pattern.CASE_INSENSITIVE));

    private final List<Path> files;

    DovecotLog(Path... files) {
        this.files = List.of(files);
    }

    List<Path> files() {
        return files;
    }

    /** All files, one after the other; a missing file is empty. Bytes that are not UTF-8 are replaced, not fatal. */
    String text() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            try {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                // not written yet
            }
        }
        return text.toString();
    }

    /** The problem lines, in log order. */
    List<String> problems() throws IOException {
        return problems(text());
    }

    static List<String> problems(String logText) {
        return logText.lines()
                .filter(line -> PROBLEMS.stream().anyMatch(p -> p.matcher(line).find()))
                .toList();
    }

    /** The last {@code lines} lines, for failure messages. */
    String tail(int lines) throws IOException {
        List<String> all = text().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
