package org.mailsnap.dovecot;

import java.nio.charset.StandardCharsets;

/** Small RFC 5322 messages with CRLF line ends, distinct per subject. */
final class TestMessages {

    private TestMessages() {}

    static byte[] message(String subject, String... bodyLines) {
        StringBuilder text = new StringBuilder()
                .append("From: Sender <sender@example.org>\r\n")
                .append("To: Receiver <receiver@example.org>\r\n")
                .append("Subject: ")
                .append(subject)
                .append("\r\n")
                .append("Message-ID: <")
                .append(subject.replaceAll("[^A-Za-z0-9]", "-"))
                .append("@mailsnap.test>\r\n")
                .append("\r\n");
        for (String line : bodyLines) {
            text.append(line).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The message with LF line ends, as Dovecot stores it on disk. */
    static byte[] withLfLineEnds(byte[] crlfMessage) {
        return new String(crlfMessage, StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
