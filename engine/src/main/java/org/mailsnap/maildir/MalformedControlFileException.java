package org.mailsnap.maildir;

import java.io.IOException;

/** A Dovecot control file ({@code dovecot-uidlist}, {@code dovecot-keywords}) that cannot be read as such. */
public final class MalformedControlFileException extends IOException {
    public MalformedControlFileException(String origin, int lineNumber, String problem) {
        super(origin + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + problem);
    }
}
