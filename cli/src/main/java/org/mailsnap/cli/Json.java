package org.mailsnap.cli;

import java.util.Map;
import java.util.StringJoiner;
import org.mailsnap.model.NameBytes;

/** The few lines of JSON the commands print with {@code --json}: flat objects of strings, numbers and booleans. */
final class Json {
    private Json() {}

    static String object(Map<String, ?> fields) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        fields.forEach((k, v) -> out.add(string(k) + ":" + value(v)));
        return out.toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof java.util.Collection<?> c) {
            StringJoiner arr = new StringJoiner(",", "[", "]");
            c.forEach(x -> arr.add(value(x)));
            return arr.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner obj = new StringJoiner(",", "{", "}");
            m.forEach((k, x) -> obj.add(string(String.valueOf(k)) + ":" + value(x)));
            return obj.toString();
        }
        return string(v.toString());
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || NameBytes.isEscapeAt(s, i)) {
                        // a name's byte that is not UTF-8 (NameBytes) as the lone surrogate it is carried as:
                        // lossless, and Python's surrogateescape turns it back into the byte
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
