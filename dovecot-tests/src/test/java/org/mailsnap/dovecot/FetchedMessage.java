package org.mailsnap.dovecot;

import java.util.Set;

/**
 * One message as IMAP {@code UID FETCH (UID FLAGS BODY.PEEK[])} reports it.
 *
 * @param flags system flags ({@code \Seen}, ...) and keywords ({@code $Junk}, ...) as IMAP spells them, without the
 *              session-local {@code \Recent}
 * @param body  the full message as the server sends it (CRLF line ends)
 */
public record FetchedMessage(long uid, Set<String> flags, byte[] body) {}
