package org.mailsnap.model;

import java.util.Comparator;

/**
 * A message's base: its file name up to the first separator (Dovecot: {@code :}; mbsync on Windows {@code ;},
 * offlineimap {@code !}), the one definition every layer uses ({@code maildir.MaildirName} splits a whole name with
 * it). {@link #ORDER} sorts bases by their bytes ({@link NameBytes#compare}), the order of manifests and of the
 * catalog's placement keys.
 */
public record BaseNames(char separator) {
    public static final BaseNames DOVECOT = new BaseNames(':');

    /**
     * Byte order of the names: for valid UTF-8 this is code point order, as before; a name with bytes that are not
     * UTF-8 sorts where its bytes do (an escape char compares as its byte, not as a surrogate).
     */
    public static final Comparator<String> ORDER = NameBytes::compare;

    public String baseOf(String fileName) {
        int i = fileName.indexOf(separator);
        return i < 0 ? fileName : fileName.substring(0, i);
    }
}
