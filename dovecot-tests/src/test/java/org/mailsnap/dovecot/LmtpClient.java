package org.mailsnap.dovecot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Delivers one message to one recipient over LMTP (RFC 2033), so messages arrive the way a mail server hands them
 * to Dovecot: LHLO, MAIL FROM, RCPT TO, DATA, QUIT, every reply code checked.
 *
 * <p>DATA encoding: the message is cut into lines at LF (a CR before the LF is dropped), each line is sent
 * CRLF-terminated and a line starting with {@code .} gets a second {@code .} (dot-stuffing); a last line without a
 * line end gets one. Dovecot stores LF line ends, so a message given with LF or CRLF line ends arrives the same.
 */
final class LmtpClient {

    private static final int MAX_REPLY_LINE = 4096;

    private final InetSocketAddress server;
    private final Duration timeout;

    LmtpClient(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** Delivers {@code message} to {@code recipient}; throws naming the command and the reply when one fails. */
    void deliver(String sender, String recipient, byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            expect(in, "greeting", 220);
            command(in, out, "LHLO mailsnap-tests", 250);
            command(in, out, "MAIL FROM:<" + sender + ">", 250);
            command(in, out, "RCPT TO:<" + recipient + ">", 250);
            command(in, out, "DATA", 354);
            writeDotStuffed(message, out);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "end of DATA for <" + recipient + ">", 250); // LMTP: one reply per accepted recipient
            command(in, out, "QUIT", 221);
        }
    }

    private static void command(InputStream in, OutputStream out, String line, int expectedCode) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, line, expectedCode);
    }

    /** Reads one reply, following {@code NNN-} continuation lines to the final {@code NNN } line. */
    private static void expect(InputStream in, String after, int expectedCode) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            line = readLine(in);
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("LMTP server sent a malformed reply after " + after + ": '" + line + "'");
            }
            reply.append(reply.length() == 0 ? "" : " | ").append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code = Integer.parseInt(line.substring(0, 3));
        if (code != expectedCode) {
            throw new IOException("LMTP " + after + " was answered '" + reply + "', expected " + expectedCode);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new IOException("LMTP server closed the connection mid-reply: '" + line + "'");
            }
            if (line.size() == MAX_REPLY_LINE) {
                throw new IOException("LMTP reply line longer than " + MAX_REPLY_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    static void writeDotStuffed(byte[] message, OutputStream out) throws IOException {
        int lineStart = 0;
        while (lineStart < message.length) {
            int lf = indexOf(message, (byte) '\n', lineStart);
            int lineEnd = lf < 0 ? message.length : lf;
            int contentEnd = lineEnd > lineStart && message[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (message[lineStart] == '.') {
                out.write('.');
            }
            out.write(message, lineStart, contentEnd - lineStart);
            out.write('\r');
            out.write('\n');
            lineStart = lineEnd + 1;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
