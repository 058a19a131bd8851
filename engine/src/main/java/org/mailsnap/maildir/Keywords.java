package org.mailsnap.maildir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dovecot's {@code dovecot-keywords}: which keyword each flag letter {@code a}–{@code z} of a folder stands for.
 *
 * <pre>
 * keywords = *(index " " name "\n")   ; index 0–25 is letter 'a' + index, e.g. "0 $Junk"
 * </pre>
 *
 * <p>Lines that do not fit are ignored, as Dovecot ignores them, and listed in {@link #problems()}.
 */
public final class Keywords {
    /** Letters {@code a}–{@code z}: a Maildir file name can carry at most 26 keywords. */
    public static final int MAX_KEYWORDS = 26;

    private final Map<Integer, String> byIndex;
    private final List<String> problems;

    private Keywords(Map<Integer, String> byIndex, List<String> problems) {
        this.byIndex = Collections.unmodifiableMap(new TreeMap<>(byIndex));
        this.problems = List.copyOf(problems);
    }

    /** Reads a keywords file; never throws, bad lines are reported in {@link #problems()}. */
    public static Keywords parse(byte[] content, String origin) {
        List<String> lines = ControlFileLines.split(content);
        Map<Integer, String> map = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String index = space < 0 ? line : line.substring(0, space);
            if (space <= 0
                    || space == line.length() - 1
                    || index.length() > 2
                    || !index.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(index) >= MAX_KEYWORDS) {
                problems.add(origin + " line " + (i + 1) + ": not '<index 0-25> <name>': '" + line + "'");
                continue;
            }
            map.put(Integer.parseInt(index), line.substring(space + 1));
        }
        return new Keywords(map, problems);
    }

    /** Index → keyword name, sorted by index. */
    public Map<Integer, String> byIndex() {
        return byIndex;
    }

    /** The keyword a flag letter stands for, or null (not a keyword letter, or not defined in this folder). */
    public String nameOf(char letter) {
        return letter >= 'a' && letter <= 'z' ? byIndex.get(letter - 'a') : null;
    }

    public List<String> problems() {
        return problems;
    }
}
