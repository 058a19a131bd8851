package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Deliveries go through Dovecot's LMTP service and land as Dovecot-named files in {@code new/}. */
class LmtpDeliveryTest extends LiveDovecotTest {

    /** {@code <sec>.M<usec>P<pid>.<host>,S=<size>,W=<CRLF size>}, the names Dovecot gives new messages. */
    private static final Pattern DOVECOT_NAME = Pattern.compile("\\d+\\.M\\d+P\\d+\\.[^,:/]+,S=(\\d+),W=(\\d+)");

    @Test
    void aDeliveryLandsInNewWithADovecotStyleName() throws IOException {
        byte[] message = TestMessages.message("delivered", "first line", "second line");

        dovecot.deliver("dora", message);

        Path file = MaildirFiles.onlyMessage(dovecot.mailDir("dora"));
        assertEquals("new", file.getParent().getFileName().toString());
        Matcher name = DOVECOT_NAME.matcher(file.getFileName().toString());
        assertTrue(name.matches(), "Dovecot-style name: " + file.getFileName());
        byte[] stored = Files.readAllBytes(file);
        assertEquals(stored.length, Long.parseLong(name.group(1)), "S= is the stored size");
        assertEquals(stored.length + lineCount(stored), Long.parseLong(name.group(2)), "W= counts CRLF line ends");
        assertTrue(
                endsWith(stored, TestMessages.withLfLineEnds(message)),
                "stored with LF line ends, after the" + " trace headers Dovecot prepends:\n"
                        + new String(stored, StandardCharsets.UTF_8));
        assertEquals(dovecot.mailUid(), Files.getAttribute(file, "unix:uid"), "written by the mail user");
    }

    @Test
    void linesStartingWithADotArriveIntact() throws IOException {
        byte[] message = TestMessages.message("dots", ".", "..two dots", ".one dot", "no dot");

        dovecot.deliver("dotty", message);

        byte[] stored = Files.readAllBytes(MaildirFiles.onlyMessage(dovecot.mailDir("dotty")));
        assertTrue(endsWith(stored, TestMessages.withLfLineEnds(message)), new String(stored, StandardCharsets.UTF_8));
    }

    @Test
    void eachDeliveryIsItsOwnFile() throws IOException {
        for (int i = 0; i < 3; i++) {
            dovecot.deliver("triple", TestMessages.message("message " + i, "body " + i));
        }

        List<Path> files = MaildirFiles.messageFiles(dovecot.mailDir("triple"));
        assertEquals(3, files.stream().map(MaildirFiles::base).distinct().count(), files.toString());
    }

    @Test
    void aRefusedCommandFailsNamingTheCommandAndTheReply() {
        LmtpClient client = new LmtpClient(
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), dovecot.lmtpPort()),
                Duration.ofSeconds(10));

        IOException failure = assertThrows(
                IOException.class, () -> client.deliver("sender@example.org", "", TestMessages.message("nobody")));

        assertTrue(failure.getMessage().startsWith("LMTP RCPT TO:<> was answered '5"), failure.getMessage());
    }

    @Test
    void dataIsSentWithCrlfLineEndsAndDotStuffing() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();

        LmtpClient.writeDotStuffed("a\n.b\r\n..c\n\nlast".getBytes(StandardCharsets.US_ASCII), wire);

        assertEquals("a\r\n..b\r\n...c\r\n\r\nlast\r\n", wire.toString(StandardCharsets.US_ASCII));
    }

    private static long lineCount(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
