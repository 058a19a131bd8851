package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsWhatMailsnapBackupPrints() {
        Object parsed = Json.parse("{\"snapshot\":\"0dd6\",\"messages\":320,\"lockHoldMaxMillis\":36.238172,"
                + "\"partial\":false,\"failedMailboxes\":[],\"problems\":[\"a \\\"b\\\" \\u00e9\"],\"x\":null}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("0dd6", map.get("snapshot"));
        assertEquals(320L, map.get("messages"));
        assertEquals(36.238172, (Double) map.get("lockHoldMaxMillis"), 1e-12);
        assertEquals(false, map.get("partial"));
        assertEquals(List.of(), map.get("failedMailboxes"));
        assertEquals(List.of("a \"b\" é"), map.get("problems"));
        assertTrue(map.containsKey("x"));
        assertEquals(null, map.get("x"));
    }

    @Test
    void writesWhatItReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "tab\tquote\" back\\ newline\n control\u0001");
        value.put("whole", 2.0);
        value.put("fraction", 0.000123);
        value.put("count", 7L);
        value.put("list", new ArrayList<>(Arrays.asList(1L, "two", null, true)));
        value.put("empty", new LinkedHashMap<>());
        value.put("nan", Double.NaN);
        Map<?, ?> back = (Map<?, ?>) Json.parse(Json.indented(value));
        assertEquals(value.get("text"), back.get("text"));
        assertEquals(2L, back.get("whole"));
        assertEquals(0.000123, (Double) back.get("fraction"), 1e-15);
        assertEquals(value.get("list"), back.get("list"));
        assertEquals(Map.of(), back.get("empty"));
        assertEquals(null, back.get("nan"), "NaN is not JSON; it is written as null");
    }

    @Test
    void malformedTextIsRejectedWithItsOffset() {
        for (String bad : List.of("{\"a\":1", "{\"a\" 1}", "[1,2", "\"open", "{\"a\":1} trailing", "nul", "{a:1}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
        }
    }
}
