package org.mailsnap.maildir;

import java.util.OptionalLong;
import org.mailsnap.model.BaseNames;

/**
 * A message file name, {@code <base>[<sep><info>]}, split the way Dovecot splits it.
 *
 * <p>The base is everything before the <em>first</em> separator ({@link BaseNames#baseOf}): Dovecot keys its
 * uidlist on exactly that string, so {@code ,S=}/{@code ,W=} stay part of it. The info is everything after the
 * <em>last</em> separator; flags exist only when it starts with {@code 2,}. Every letter after {@code 2,} is kept
 * verbatim (system flags {@code PRSTDF}, keywords {@code a}–{@code z}, unknown letters alike), and a {@code 1,…}
 * info is kept as it is.
 */
public final class MaildirName {
    private final String base;
    private final String info;

    private MaildirName(String fileName, char separator) {
        int last = fileName.lastIndexOf(separator);
        this.base = new BaseNames(separator).baseOf(fileName);
        this.info = last < 0 ? null : fileName.substring(last + 1);
    }

    /** Parses {@code fileName}; fails fast on names that are no message (empty, dot-files, with a {@code /}). */
    public static MaildirName parse(String fileName, char separator) {
        if (!isMessageName(fileName)) {
            throw new IllegalArgumentException("not a Maildir message file name: '" + fileName + "'");
        }
        return new MaildirName(fileName, separator);
    }

    /** False for names readers must ignore: empty, starting with {@code .}, or containing {@code /} or NUL. */
    public static boolean isMessageName(String fileName) {
        return fileName != null
                && !fileName.isEmpty()
                && fileName.charAt(0) != '.'
                && fileName.indexOf('/') < 0
                && fileName.indexOf('\0') < 0;
    }

    /** Everything before the first separator: the message's identity. */
    public String base() {
        return base;
    }

    /** Everything after the last separator, or null when the name has none. */
    public String info() {
        return info;
    }

    /** The letters after {@code 2,} verbatim ({@code ""} when there are none or the info does not start so). */
    public String flags() {
        return info != null && info.startsWith("2,") ? info.substring(2) : "";
    }

    /**
     * The {@code ,S=<size>} value of the base, a hint only: other writers use other shapes and a hint can be wrong.
     */
    public OptionalLong sizeHint() {
        return sizeHint(base);
    }

    /** The {@code ,S=<size>} value of {@code base}, as {@link #sizeHint()}. */
    public static OptionalLong sizeHint(String base) {
        int at = base.indexOf(",S=");
        if (at < 0) {
            return OptionalLong.empty();
        }
        int start = at + 3;
        int end = start;
        while (end < base.length() && Character.isDigit(base.charAt(end)) && end - start < 18) {
            end++;
        }
        boolean terminated = end == base.length() || base.charAt(end) == ',';
        return end > start && terminated
                ? OptionalLong.of(Long.parseLong(base.substring(start, end)))
                : OptionalLong.empty();
    }
}
