package org.mailsnap.maildir;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dovecot's {@code dovecot-keywords}: which keyword each flag letter {@code a}–{@code z} of a folder stands for.
 *
 * <pre>
 * keywords = *(index " " name "\n")   ; index 0–25 is letter 'a' + index, e.g. "0 $Junk"
 * </pre>
 *
 * <p>Lines that do not fit are ignored, as Dovecot ignores them.
 */
public final class Keywords {
    /** Letters {@code a}–{@code z}: a Maildir file name can carry at most 26 keywords. */
    public static final int MAX_KEYWORDS = 26;

    private final Map<Integer, String> byIndex;

    private Keywords(Map<Integer, String> byIndex) {
        this.byIndex = Collections.unmodifiableMap(byIndex);
    }

    /** Reads a keywords file; never throws, bad lines are skipped. */
    public static Keywords parse(byte[] content) {
        Map<Integer, String> map = new TreeMap<>();
        for (String line : ControlFileLines.split(content)) {
            int space = line.indexOf(' ');
            String index = space < 0 ? line : line.substring(0, space);
            if (space <= 0
                    || space == line.length() - 1
                    || index.length() > 2
                    || !index.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(index) >= MAX_KEYWORDS) {
                continue; // empty, or not '<index 0-25> <name>'
            }
            map.put(Integer.parseInt(index), line.substring(space + 1));
        }
        return new Keywords(map);
    }

    /** Index → keyword name, sorted by index. */
    public Map<Integer, String> byIndex() {
        return byIndex;
    }

    /** The keyword a flag letter stands for, or null (not a keyword letter, or not defined in this folder). */
    public String nameOf(char letter) {
        return letter >= 'a' && letter <= 'z' ? byIndex.get(letter - 'a') : null;
    }
}
