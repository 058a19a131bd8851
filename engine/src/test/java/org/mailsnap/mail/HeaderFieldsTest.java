package org.mailsnap.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    private static HeaderFields parse(String header) {
        return HeaderFields.parse(header.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void foldedEncodedFields() {
        HeaderFields fields = parse("""
                Received: from x by y; Mon, 1 Jan 2024 00:00:00 +0000\r
                Message-ID: <abc.123@example.org>\r
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@example.org>\r
                To: alice@example.org,\r
                 bob@example.org\r
                Cc: carol@example.org\r
                To: dave@example.org\r
                Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= and\r
                \t=?UTF-8?B?0J/RgNC40LLQtdGC?=\r
                Date: Tue, 2 Jan 2024 10:20:30 +0100\r
                \r
                """);
        assertEquals("abc.123@example.org", fields.messageId());
        assertEquals("Jürgen Müller <jm@example.org>", fields.from());
        assertEquals("alice@example.org, bob@example.org, dave@example.org", fields.to());
        assertEquals("carol@example.org", fields.cc());
        assertEquals("Grüße and Привет", fields.subject());
        assertEquals("Tue, 2 Jan 2024 10:20:30 +0100", fields.dateText());
        assertEquals(Instant.parse("2024-01-02T09:20:30Z"), fields.date());
    }

    @Test
    void whitespaceRunsBecomeOneSpaceAndBareLineEndsSplitFields() {
        HeaderFields h = HeaderFields.parse(("Subject: a \t  b\r\n\t\t c\r\n"
                        + "From: x@y\nTo: u@v\r\nCc: lone\rcr\r\n\r\nSubject: body, not a header\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("a b c", h.subject());
        assertEquals("x@y", h.from());
        assertEquals("u@v", h.to());
        assertEquals("lonecr", h.cc(), "unfolding drops a bare CR, as before");
    }

    /**
     * Fields the search does not keep are skipped without being built; what is kept stays as it was: a name found
     * only in a continuation line, names in any ASCII case with blanks before the colon, a kept name written inside
     * a skipped field's continuation, a name that lowers to a kept one only outside ASCII, a first continuation line.
     */
    @Test
    void skippedFieldsLeaveTheKeptOnesAsTheyWere() {
        HeaderFields h = HeaderFields.parse(("\tleading continuation: not a field\r\n"
                        + "DKIM-Signature: v=1; a=rsa-sha256;\r\n"
                        + "\tSubject: inside a skipped field\r\n"
                        + "Received: from a\r\n"
                        + " by b\r\n"
                        + "Subject\r\n"
                        + " : found in the continuation\r\n"
                        + "MESSAGE-\u0130D: <dotted@capital.i>\r\n"
                        + "mEsSaGe-Id  \t: <mixed@case>\r\n"
                        + "FROM:a@b\r\n"
                        + "X-To: not to\r\n"
                        + "To : first@to\r\n"
                        + "tO: second@to\r\n"
                        + ":no name\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("found in the continuation", h.subject());
        assertEquals("mixed@case", h.messageId());
        assertEquals("a@b", h.from());
        assertEquals("first@to, second@to", h.to());
        assertEquals("", h.cc());
    }

    @Test
    void datesAsRealMailWritesThem() {
        assertEquals(Instant.parse("2001-11-09T14:30:00Z"), MailDates.parse("9 Nov 01 09:30 EST"));
        assertEquals(Instant.parse("1997-11-21T09:55:06Z"), MailDates.parse("Fri, 21 Nov 1997 09:55:06 GMT (comment)"));
        assertEquals(Instant.parse("2024-09-03T12:00:00Z"), MailDates.parse("Tuesday, 3 September 2024 12:00:00"));
        assertEquals(Instant.parse("2024-03-05T04:06:07Z"), MailDates.parse("5 Mar 2024 06:06:07 +0200"));
        assertNull(MailDates.parse("yesterday"));
        assertNull(MailDates.parse("31 Feb 2024 10:00:00 +0000"));
        assertNull(MailDates.parse("1 Foo 2024 10:00:00"));
    }

    @Test
    void missingFieldsAreEmptyAndDateNull() {
        HeaderFields fields = parse("X-Nothing: here\n\n");
        assertEquals("", fields.messageId());
        assertEquals("", fields.from());
        assertEquals("", fields.subject());
        assertNull(fields.date());
        assertEquals("", HeaderFields.parse(new byte[0]).subject());
    }

    @Test
    void onlyTheBlocksLengthIsRead() {
        byte[] bytes = "Subject: kept\r\nFrom: a@b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        HeaderFields fields = HeaderFields.parse(bytes, "Subject: kept\r\n".length());
        assertEquals("kept", fields.subject());
        assertEquals("", fields.from(), "past the block's length");
    }

    @Test
    void latin1HeadersAndBrokenEncodedWords() {
        byte[] latin1 = "Subject: caf\u00e9 =?UTF-8?B?!!!?= =?bogus?Q?x?=\n\n".getBytes(StandardCharsets.ISO_8859_1);
        HeaderFields fields = HeaderFields.parse(latin1);
        assertTrue(fields.subject().startsWith("café"), fields.subject());
    }

    /** The block is UTF-8 unless any byte of it is not, in a field the search drops too; bytes past the cap aside. */
    @Test
    void oneByteThatIsNotUtf8AnywhereInTheBlockReadsTheWholeBlockAsLatin1() {
        byte[] utf8 = "Subject: Grüße\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] badByte = {'X', '-', 'J', ':', ' ', (byte) 0xFF, '\r', '\n'};
        assertEquals("Grüße", HeaderFields.parse(utf8).subject());
        assertEquals("GrÃ¼Ã\u009fe", HeaderFields.parse(concat(utf8, badByte)).subject());
        assertEquals("GrÃ¼Ã\u009fe", HeaderFields.parse(concat(badByte, utf8)).subject());

        byte[] padding =
                ("X-Pad: " + "p".repeat(HeaderFields.MAX_HEADER_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals("Grüße", HeaderFields.parse(concat(utf8, padding, badByte)).subject(), "past the cap");
        byte[] cut = concat(utf8, "X-Pad: ".getBytes(StandardCharsets.US_ASCII));
        cut = concat(
                cut, "p".repeat(HeaderFields.MAX_HEADER_BYTES - cut.length - 1).getBytes(StandardCharsets.US_ASCII));
        assertEquals("Grüße", HeaderFields.parse(cut).subject());
        assertEquals(
                "GrÃ¼Ã\u009fe",
                HeaderFields.parse(concat(cut, "ü".getBytes(StandardCharsets.UTF_8)))
                        .subject(),
                "a character the cap cuts in two");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void hugeHeadersAreBounded() {
        String huge = "Subject: " + "x".repeat(5_000_000) + "\n" + "To: a@b\n".repeat(100_000) + "\n";
        long started = System.nanoTime();
        HeaderFields fields = parse(huge);
        assertEquals(HeaderFields.MAX_VALUE_CHARS, fields.subject().length());
        assertTrue(fields.to().length() <= HeaderFields.MAX_VALUE_CHARS);
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "bounded work");
    }

    @Test
    void garbageNeverThrows() {
        long seed = System.nanoTime();
        System.out.println("HeaderFieldsTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (random.nextBoolean() && junk.length > 10) {
                byte[] prefix = "Subject: =?utf-8?q?".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(prefix, 0, junk, 0, Math.min(prefix.length, junk.length));
            }
            HeaderFields.parse(junk); // must not throw; seed printed above
        }
    }
}
