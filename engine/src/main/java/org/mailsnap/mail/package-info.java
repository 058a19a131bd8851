/**
 * Mail-aware views of a message's bytes; the only package that uses mime4j.
 *
 * <p>Terms: the <em>header block</em> is every byte of a message up to and including its first empty line; the
 * <em>body</em> is the rest ({@link org.mailsnap.mail.MessageSplitter}). They are stored as separate blobs, so the
 * same body delivered to many mailboxes with different {@code Received:} headers is stored once.
 * {@link org.mailsnap.mail.HeaderFields} extracts the fields the catalog's search index keeps (Message-ID, From,
 * To, Cc, Subject, Date), unfolded and RFC 2047-decoded; bad input never throws and work is bounded.
 */
package org.mailsnap.mail;
