package org.mailsnap.mail;

import org.mailsnap.codec.Bytes;

/**
 * Where a message's header block ends and its body begins, byte-exact: {@code header || body == message}.
 *
 * <p>The header block is every byte up to and including the first empty line ({@code \n} or {@code \r\n} alone on
 * a line, whichever comes first, also as the very first line). A message without an empty line is all header; an
 * empty message has an empty header and an empty body. The same list mail delivered to many users differs only in
 * its header block, so storing the two apart lets the body be stored once.
 */
public final class MessageSplitter {
    private MessageSplitter() {}

    /**
     * The length of the header block within the first {@code length} bytes, empty line included, or -1 when they
     * hold no empty line (a streaming reader then knows it has not seen the whole header).
     */
    public static int headerLength(byte[] message, int length) {
        int lineStart = 0;
        while (lineStart < length) {
            if (message[lineStart] == '\n') {
                return lineStart + 1;
            }
            if (message[lineStart] == '\r' && lineStart + 1 < length && message[lineStart + 1] == '\n') {
                return lineStart + 2;
            }
            int newline = Bytes.indexOf(message, (byte) '\n', lineStart, length);
            if (newline < 0) {
                return -1;
            }
            lineStart = newline + 1;
        }
        return -1;
    }
}
