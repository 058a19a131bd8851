package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailsnap.model.NameBytes;

/**
 * The one JSON writer and reader of the project: the commands print {@code --json} output on one line
 * ({@link #value}), the benchmark runner writes {@code raw.json} indented ({@link #indented}), and the tests and the
 * runner read either back ({@link #parse}). Values are {@code Map} (insertion order), {@code Collection},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}; anything else is written as its string.
 */
public final class Json {
    private Json() {}

    /**
     * Parses one JSON value into {@code Map} (insertion order), {@code List}, {@code String}, {@code Double} or
     * {@code Long}, {@code Boolean} and {@code null}; trailing whitespace is allowed, anything else after the value is
     * an error naming the offset.
     */
    public static Object parse(String text) {
        Reader reader = new Reader(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    static String object(Map<String, ?> fields) {
        return value(fields);
    }

    /** {@code v} on one line without spaces, numbers as Java prints them: what a command prints. */
    static String value(Object v) {
        StringBuilder out = new StringBuilder();
        write(v, out, null);
        return out.toString();
    }

    /**
     * {@code v} over several lines indented by two spaces, for files people read: whole doubles are written without
     * a fraction, and NaN and the infinities, which JSON lacks, as {@code null}.
     */
    public static String indented(Object v) {
        StringBuilder out = new StringBuilder();
        write(v, out, "");
        return out.toString();
    }

    /** Appends {@code v}; {@code indent} is null on one line, else the indent of the line {@code v} starts on. */
    private static void write(Object v, StringBuilder out, String indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Double d && indent != null) {
            if (d.isNaN() || d.isInfinite()) {
                out.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append(d.longValue());
            } else {
                out.append(d);
            }
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Collection<?> c) {
            writeAll(c.iterator(), out, indent, '[', ']', (x, inner) -> write(x, out, inner));
        } else if (v instanceof Map<?, ?> m) {
            writeAll(m.entrySet().iterator(), out, indent, '{', '}', (x, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) x;
                quote(String.valueOf(e.getKey()), out);
                out.append(indent == null ? ":" : ": ");
                write(e.getValue(), out, inner);
            });
        } else {
            quote(v.toString(), out);
        }
    }

    private interface ElementWriter {
        void write(Object element, String indent);
    }

    private static void writeAll(
            Iterator<?> elements, StringBuilder out, String indent, char open, char close, ElementWriter writer) {
        out.append(open);
        if (indent == null || !elements.hasNext()) {
            while (elements.hasNext()) {
                writer.write(elements.next(), null);
                if (elements.hasNext()) {
                    out.append(',');
                }
            }
            out.append(close);
            return;
        }
        String inner = indent + "  ";
        out.append('\n');
        while (elements.hasNext()) {
            out.append(inner);
            writer.write(elements.next(), inner);
            out.append(elements.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(close);
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder();
        quote(s, out);
        return out.toString();
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
                    if (c < 0x20 || NameBytes.isEscapeAt(s, i)) {
                        // a name's byte that is not UTF-8 (NameBytes) as the lone surrogate it is carried as:
                        // lossless, and Python's surrogateescape turns it back into the byte
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Recursive descent over the text; errors name the offset. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Object value() {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", true);
                case 'f' -> literal("false", false);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                map.put(key, value());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(escaped);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.isEmpty()) {
                throw error("unexpected character '" + text.charAt(start) + "'");
            }
            try {
                if (digits.matches("-?\\d{1,18}")) {
                    return Long.parseLong(digits);
                }
                return Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                throw error("bad number '" + digits + "'");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            String around = text.substring(Math.max(0, pos - 20), Math.min(text.length(), pos + 20));
            return new IllegalArgumentException("JSON: " + what + " at offset " + pos + " near '" + around + "'");
        }
    }
}
