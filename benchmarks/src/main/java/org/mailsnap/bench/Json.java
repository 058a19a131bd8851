package org.mailsnap.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The little JSON the runner needs: reading one object printed by {@code mailsnap backup --json} or a
 * {@code raw.json} written earlier (with the CLI's reader), and writing {@code raw.json} indented. Values are {@code Map} (insertion order),
 * {@code List}, {@code String}, {@code Double} or {@code Long}, {@code Boolean} and {@code null}.
 */
final class Json {
    private Json() {}

    /** Parses one JSON value (the CLI's reader, shared so that there is one). */
    static Object parse(String text) {
        return org.mailsnap.cli.Json.parse(text);
    }

    /** Writes a value; numbers that are whole are written without a fraction. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, "");
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb, String indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(s, sb);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append(d.longValue());
            } else {
                sb.append(d);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeContainer(map.entrySet().iterator(), sb, indent, '{', '}', (entry, out, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out, inner);
            });
        } else if (value instanceof List<?> list) {
            writeContainer(list.iterator(), sb, indent, '[', ']', Json::write);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName() + " " + value);
        }
    }

    private interface ElementWriter {
        void write(Object element, StringBuilder sb, String indent);
    }

    private static void writeContainer(Iterator<?> elements, StringBuilder sb, String indent, char open, char close,
                                       ElementWriter writer) {
        if (!elements.hasNext()) {
            sb.append(open).append(close);
            return;
        }
        String inner = indent + "  ";
        sb.append(open).append('\n');
        while (elements.hasNext()) {
            sb.append(inner);
            writer.write(elements.next(), sb, inner);
            sb.append(elements.hasNext() ? ",\n" : "\n");
        }
        sb.append(indent).append(close);
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

}
