package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.NameBytes;

/** argv's bytes, and names printed for a person, whatever the locale. */
class RawArgumentsTest {
    private static final Charset ASCII = StandardCharsets.US_ASCII;

    @Test
    void theTailOfCmdlineGivesTheArgumentsExactly() {
        byte[] cmdline = cmdline("java", "--add-opens", "x", "-jar", "m.jar", "restore", "--message", "68c3b3737480");
        // under the POSIX locale the JVM decoded each non-ASCII byte as U+FFFD
        String[] jvm = {"restore", "--message", "h\ufffd\ufffdst\ufffd"};
        String[] exact = RawArguments.of(jvm, cmdline, ASCII);
        assertArrayEquals(
                new String[] {
                    "restore", "--message", NameBytes.fromBytes(HexFormat.of().parseHex("68c3b3737480"))
                },
                exact);
        assertEquals("h\u00f3st\\x80", NameBytes.printable(exact[2]));
    }

    @Test
    void anythingThatDoesNotMatchKeepsTheJvmStrings() {
        byte[] cmdline = cmdline("java", "-cp", "x", "Main", "ls", "latest");
        String[] other = {"ls", "other"};
        assertSame(other, RawArguments.of(other, cmdline, ASCII), "a test calling Main in-process");
        String[] more = {"a", "b", "c", "d", "e", "f", "g"};
        assertSame(more, RawArguments.of(more, cmdline, ASCII));
        String[] none = {};
        assertSame(none, RawArguments.of(none));
    }

    @Test
    void printedNamesShowOtherBytesAsHexAndJsonKeepsThem() {
        String name = NameBytes.fromBytes(HexFormat.of().parseHex("68c3b37374e9"));
        StringWriter out = new StringWriter();
        try (NameEscapingWriter w = new NameEscapingWriter(out)) {
            w.write("name " + name + "\n");
            w.write(name.charAt(name.length() - 1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("name h\u00f3st\\xe9\n\\xe9", out.toString());
        StringWriter pair = new StringWriter();
        try (NameEscapingWriter w = new NameEscapingWriter(pair)) {
            w.write('\ud83d'); // U+1F4E7 in two calls: its low half is in the escape range, and is text
            w.write("\udce7\udce9");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("\ud83d\udce7\\xe9", pair.toString());
        assertEquals(
                "{\"name\":\"h\u00f3st\\udce9\"}",
                Json.object(Map.of("name", name)),
                "JSON: the escape char as \\udcNN, which Python's surrogateescape turns back into the byte");
    }

    /** The entries, each followed by NUL; one of only hex digits is taken as the hex of its bytes. */
    private static byte[] cmdline(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String e : entries) {
            out.writeBytes(e.matches("([0-9a-f]{2})+") ? HexFormat.of().parseHex(e) : e.getBytes(ASCII));
            out.write(0);
        }
        return out.toByteArray();
    }
}
