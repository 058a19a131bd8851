package org.mailsnap.mail;

import java.util.Arrays;

/**
 * Splits a message into its header block and its body, byte-exact: {@code header || body == message}.
 *
 * <p>The header block is every byte up to and including the first empty line ({@code \n} or {@code \r\n} alone on
 * a line, whichever comes first, also as the very first line). A message without an empty line is all header; an
 * empty message has an empty header and an empty body. The same list mail delivered to many users differs only in
 * its header block, so storing the two apart lets the body be stored once.
 */
public final class MessageSplitter {

    /** A message's two parts. */
    public record SplitMessage(byte[] header, byte[] body) {}

    private MessageSplitter() {}

    public static SplitMessage split(byte[] message) {
        int length = headerLength(message);
        return new SplitMessage(Arrays.copyOfRange(message, 0, length),
                Arrays.copyOfRange(message, length, message.length));
    }

    /** The length of the header block, empty line included. */
    public static int headerLength(byte[] message) {
        int lineStart = 0;
        while (lineStart < message.length) {
            if (message[lineStart] == '\n') {
                return lineStart + 1;
            }
            if (message[lineStart] == '\r' && lineStart + 1 < message.length && message[lineStart + 1] == '\n') {
                return lineStart + 2;
            }
            int newline = indexOf(message, (byte) '\n', lineStart);
            if (newline < 0) {
                return message.length;
            }
            lineStart = newline + 1;
        }
        return message.length;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
