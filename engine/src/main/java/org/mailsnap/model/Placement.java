package org.mailsnap.model;

/**
 * Where a message sits at one moment.
 *
 * @param name       the file name verbatim: base, and where present the separator and info ({@code 2,FRSa})
 * @param inCur      true for {@code cur/}, false for {@code new/}
 * @param mtimeNanos the file's modification time in nanoseconds since the epoch (IMAP INTERNALDATE)
 * @param content    the message's bytes as blobs
 */
public record Placement(String name, boolean inCur, long mtimeNanos, MessageContent content) {}
