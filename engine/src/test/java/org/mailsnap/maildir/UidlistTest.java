package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UidlistTest {
    @Test
    void guidsByBaseReadsGExtensionsAndSkipsTheParseWhenNoRecordCanHaveOne() {
        String header = "3 V1796403000 N9 G31b8d82444860b6b6824000083ecc375\n";
        byte[] none = (header + "1 :a,S=3\n2 :b,S=4\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of(), Uidlist.guidsByBase(none, "none"), "the header's G is the mailbox GUID");
        byte[] rebased = (header + "1 :a,S=3\n7 G1796.M1P1.vm,S=39 :1796.M2P1.vm,S=39\n8 Gb :b\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Map.of("1796.M2P1.vm,S=39", "1796.M1P1.vm,S=39"),
                Uidlist.guidsByBase(rebased, "rebased"),
                "a G equal to the base is no override");
        byte[] broken = "garbage\n1 Gx :y\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of(), Uidlist.guidsByBase(broken, "broken"), "one Dovecot would rebuild: every GUID its base");
    }

    /** Observed on Dovecot 2.3.19 (maildir-facts.md). */
    static final String SAMPLE = """
            3 V1795917380 N1 G31b8d82444860b6b6824000083ecc375
            1 :1795917380.M627755P9320.vm,S=57,W=63
            2 :1795917380.M630608P9320.vm,S=57,W=63
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A list Dovecot would keep as it is: parsed with no problem at all. */
    private static Uidlist clean(String text, String origin) throws MalformedControlFileException {
        Uidlist list = Uidlist.parse(bytes(text), origin);
        assertEquals(List.of(), list.problems());
        return list;
    }

    @Test
    void observedSampleParses() throws Exception {
        Uidlist list = clean(SAMPLE, "sample");
        assertEquals(
                List.of(1L, 2L),
                list.records().stream().map(Uidlist.MessageRecord::uid).toList());
        assertEquals(
                "1795917380.M627755P9320.vm,S=57,W=63", list.records().get(0).base());
        assertEquals(
                Map.of("1795917380.M627755P9320.vm,S=57,W=63", 1L, "1795917380.M630608P9320.vm,S=57,W=63", 2L),
                list.uidsByBase());
    }

    @Test
    void unknownHeaderKeysRecordFieldsAndOddSpacingAreRead() throws Exception {
        String text = "3 V7 N10 Gabc P2 Xfuture\n"
                + "3 S100 W103 :base.one,x\n"
                + "5  G0123 Oold-uidl :base two with spaces\n"
                + "9 :last";
        Uidlist list = clean(text, "odd");
        assertEquals("100", list.records().get(0).field('S'));
        assertEquals("103", list.records().get(0).field('W'));
        assertNull(list.records().get(0).field('G'));
        assertEquals("base two with spaces", list.records().get(1).base());
        assertEquals("old-uidl", list.records().get(1).field('O'));
        assertEquals("last", list.records().get(2).base(), "no final newline: the last line is a record all the same");
    }

    @Test
    void nonIncreasingUidsAreBroken() throws Exception {
        String broken = SAMPLE + "2 :again\n4 :fine\n";
        Uidlist lenient = Uidlist.parse(bytes(broken), "/m/dovecot-uidlist");
        assertEquals(
                List.of(1L, 2L, 4L),
                lenient.records().stream().map(Uidlist.MessageRecord::uid).toList());
        assertEquals(1, lenient.problems().size());
        String problem = lenient.problems().get(0);
        assertTrue(problem.contains("/m/dovecot-uidlist line 4"), problem);
        assertTrue(problem.contains("not increasing"), problem);
    }

    @Test
    void versionOneAndTwoHeaders() throws Exception {
        clean("2 1100000000 9\n", "v2");
        Uidlist v1 = clean("1 1100000000 4\n1 1100000000.1.h:2,S\n3 1100000001.2.h\n", "v1");
        assertEquals("1100000000.1.h", v1.records().get(0).base(), "old versions stored the whole file name");
        assertEquals(
                List.of(), Uidlist.parse(bytes("1 1100000000 2\n5 x\n"), "v1").records(), "v1: uid must be below N");
    }

    @Test
    void badHeadersAreClearErrors() {
        for (String bad : new String[] {"", "x V1 N1\n", "3 V0 N1\n", "3 V1\n", "7 V1 N1\n", "1 abc\n"}) {
            MalformedControlFileException e =
                    assertThrows(MalformedControlFileException.class, () -> Uidlist.parse(bytes(bad), "f"), bad);
            assertTrue(e.getMessage().startsWith("f"), e.getMessage());
        }
    }

    @Test
    void garbageRecordsAreReportedNotFatalWhenLenient() throws Exception {
        String text = "3 V1 N5\n1 :a\nnot a record\n2 lower :b\n3 :c/d\n4 :e\n";
        Uidlist list = Uidlist.parse(bytes(text), "g");
        assertEquals(
                List.of("a", "e"),
                list.records().stream().map(Uidlist.MessageRecord::base).toList());
        assertEquals(3, list.problems().size(), list.problems().toString());
    }
}
