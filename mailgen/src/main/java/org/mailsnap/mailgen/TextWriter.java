package org.mailsnap.mailgen;

/**
 * Writes plain text from the {@link Vocabulary}: sentences in paragraphs, lines wrapped at 72 columns like a mail
 * client does. Word choice is skewed towards the front of the list (u² sampling), so common words dominate and the
 * text compresses roughly like real prose.
 */
final class TextWriter {
    private static final int WRAP = 72;

    private TextWriter() {}

    /** Appends paragraphs until at least {@code targetBytes} were written; always ends with a newline. */
    static void paragraphs(ByteSink out, Prng rnd, int targetBytes) {
        int start = out.length();
        do {
            paragraph(out, rnd);
            if (out.length() - start < targetBytes) {
                out.newline();
            }
        } while (out.length() - start < targetBytes);
    }

    static void paragraph(ByteSink out, Prng rnd) {
        int column = 0;
        int sentences = rnd.between(2, 6);
        for (int s = 0; s < sentences; s++) {
            int words = rnd.between(5, 18);
            for (int w = 0; w < words; w++) {
                byte[] word = word(rnd);
                int width = word.length + (w == words - 1 ? 1 : 0);
                if (column > 0 && column + 1 + width > WRAP) {
                    out.newline();
                    column = 0;
                } else if (column > 0) {
                    out.put((byte) ' ');
                    column++;
                }
                int at = out.length();
                out.put(word);
                if (w == 0 && word[0] >= 'a' && word[0] <= 'z') {
                    out.array()[at] = (byte) (word[0] - 'a' + 'A');
                }
                column += word.length;
            }
            out.put((byte) (rnd.nextInt(8) == 0 ? '?' : '.'));
            column++;
        }
        out.newline();
    }

    /** A few words with the first one capitalised, for subjects. */
    static String phrase(Prng rnd, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = Vocabulary.WORDS[skewedIndex(rnd)];
            if (i == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            } else {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    private static byte[] word(Prng rnd) {
        return Vocabulary.WORD_BYTES[skewedIndex(rnd)];
    }

    private static int skewedIndex(Prng rnd) {
        double u = rnd.nextDouble();
        return (int) (u * u * Vocabulary.WORDS.length);
    }
}
