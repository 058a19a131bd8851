package org.mailsnap.maildir;

import java.util.ArrayList;
import java.util.List;

/**
 * A message's flags as a person reads them: the Maildir letters after {@code 2,} in words, keyword letters by their
 * names in the folder's {@code dovecot-keywords}.
 *
 * <pre>
 * D draft   F flagged   P passed   R answered   S seen   T deleted
 * a–z       the folder's keyword of that index ({@code keyword-x (name unknown)} when no keywords file names it)
 * other     {@code flag-X}
 * </pre>
 */
public final class FlagWords {
    /** After a keyword letter whose name is not known, so that nobody takes {@code keyword-a} for the name. */
    public static final String UNNAMED = " (name unknown)";

    private FlagWords() {}

    /**
     * The words for a message file name, in the order of its letters; none when it has no {@code 2,} info.
     *
     * @param keywords the folder's keywords, or null when it has no keywords file
     */
    public static List<String> of(String fileName, char separator, Keywords keywords) {
        if (!MaildirName.isMessageName(fileName)) {
            return List.of();
        }
        return ofLetters(MaildirName.parse(fileName, separator).flags(), keywords);
    }

    /** The words for the letters after {@code 2,} ({@code "RSa"}), in their order. */
    public static List<String> ofLetters(String letters, Keywords keywords) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            words.add(word(letters.charAt(i), keywords));
        }
        return words;
    }

    private static String word(char letter, Keywords keywords) {
        return switch (letter) {
            case 'D' -> "draft";
            case 'F' -> "flagged";
            case 'P' -> "passed";
            case 'R' -> "answered";
            case 'S' -> "seen";
            case 'T' -> "deleted";
            default -> {
                if (letter < 'a' || letter > 'z') {
                    yield "flag-" + letter;
                }
                String name = keywords == null ? null : keywords.nameOf(letter);
                yield name != null ? name : "keyword-" + letter + UNNAMED;
            }
        };
    }
}
