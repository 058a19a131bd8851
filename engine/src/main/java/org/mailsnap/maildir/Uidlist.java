package org.mailsnap.maildir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mailsnap.model.NameBytes;

/**
 * Dovecot's {@code dovecot-uidlist}: the UID and extension fields of each message base, after a header whose
 * UIDVALIDITY and next UID are checked.
 *
 * <pre>
 * uidlist  = header "\n" *(record "\n")
 * header   = "3" *(" " key value)          ; V uidvalidity, N next uid, G mailbox GUID, P pop3 uidl format, others kept
 *          / ("1" / "2") " " uidvalidity " " nextuid
 * record   = uid *(" " key value) " :" base  ; version 3, keys A–Z (S, W sizes, P, O pop3, G guid)
 *          / uid " " filename                ; versions 1 and 2
 * </pre>
 *
 * <p>Dovecot appends records without rewriting {@code N}, so a version 3 record's UID may reach past it. It
 * deletes a file whose UIDs do not increase (then every message gets a new UID); {@link #parse} keeps going and lists
 * that in {@link #problems()}. The engine only reads uidlists, never writes one.
 */
public final class Uidlist {
    /** A one-letter key and its value, as in {@code V1795917380} or {@code S57}. */
    public record Field(char key, String value) {}

    /** One line after the header: a UID, its extension fields and the message base. */
    public record MessageRecord(long uid, List<Field> fields, String base) {
        public MessageRecord {
            fields = List.copyOf(fields);
            Objects.requireNonNull(base, "base");
        }

        /** The value of field {@code key}, or null. */
        public String field(char key) {
            return fields.stream()
                    .filter(f -> f.key() == key)
                    .map(Field::value)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final String origin;
    private final int version;
    private final List<MessageRecord> records;
    private final List<String> problems;

    private Uidlist(String origin, int version, List<MessageRecord> records, List<String> problems) {
        this.origin = origin;
        this.version = version;
        this.records = List.copyOf(records);
        this.problems = List.copyOf(problems);
    }

    /** Reads a uidlist; bad records are skipped and described in {@link #problems()}; a bad header throws. */
    public static Uidlist parse(byte[] content, String origin) throws MalformedControlFileException {
        return new Parser(content, origin).parse();
    }

    public List<MessageRecord> records() {
        return records;
    }

    /** Base → UID (a base listed twice keeps its later UID, as Dovecot does). */
    public Map<String, Long> uidsByBase() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (MessageRecord r : records) {
            map.put(r.base(), r.uid());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Base → Dovecot GUID, for the records whose {@code G} extension names a GUID other than their base (a message
     * moved back into a folder that knew its base got a new base and kept its GUID). Every other listed or unlisted
     * base is its own GUID. A later record of one base wins, as for UIDs; a {@code G} value that could not be a
     * name in the repository format (empty, {@code /}, NUL, over 1024 bytes) is ignored and the base stands.
     */
    public Map<String, String> guidsByBase() {
        Map<String, String> map = new HashMap<>();
        for (MessageRecord r : records) {
            String guid = r.field('G');
            if (guid != null && isUsableGuid(guid) && !guid.equals(r.base())) {
                map.put(r.base(), guid);
            } else {
                map.remove(r.base());
            }
        }
        return map;
    }

    /**
     * {@link #guidsByBase()} of the uidlist {@code content}, without parsing it when no record can carry a {@code G}
     * extension: the common case (only a message moved back into a folder that knew its base has one), and a backup
     * asks this of every folder it lists. A uidlist that cannot be parsed gives none (Dovecot would rebuild it, and
     * every GUID is then its base).
     */
    public static Map<String, String> guidsByBase(byte[] content, String origin) {
        if (!mayHoldRecordGuid(content)) {
            return Map.of();
        }
        try {
            return parse(content, origin).guidsByBase();
        } catch (MalformedControlFileException broken) {
            return Map.of();
        }
    }

    /** True when some line after the header has a {@code " G"}: a record's extension fields start with a space. */
    private static boolean mayHoldRecordGuid(byte[] content) {
        int i = 0;
        while (i < content.length && content[i] != '\n') {
            i++; // the header's own G is the mailbox GUID
        }
        for (; i + 1 < content.length; i++) {
            if (content[i] == ' ' && content[i + 1] == 'G') {
                return true;
            }
        }
        return false;
    }

    private static boolean isUsableGuid(String guid) {
        return !guid.isEmpty()
                && guid.indexOf('/') < 0
                && guid.indexOf('\0') < 0
                && guid.indexOf('\r') < 0
                && NameBytes.toBytes(guid).length <= 1024;
    }

    /** What a lenient parse skipped, one sentence each, naming the line. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "Uidlist[" + origin + ", v" + version + ", " + records.size() + " records]";
    }

    /** Reads one file; every problem names the file and line. */
    private static final class Parser {
        private final List<String> lines;
        private final String origin;
        private final List<String> problems = new ArrayList<>();
        private final List<Field> headerFields = new ArrayList<>();
        private final List<MessageRecord> records = new ArrayList<>();
        private int version;
        private long uidValidity;
        private long nextUid;

        Parser(byte[] content, String origin) {
            this.lines = ControlFileLines.split(content);
            this.origin = origin;
        }

        Uidlist parse() throws MalformedControlFileException {
            if (lines.isEmpty()) {
                throw new MalformedControlFileException(origin, 0, "empty file, no header");
            }
            parseHeader(lines.get(0));
            long previousUid = 0;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty() && i == lines.size() - 1) {
                    continue;
                }
                MessageRecord record = parseRecord(line, i + 1);
                if (record == null) {
                    continue;
                }
                if (record.uid() <= previousUid) {
                    problem(
                            i + 1,
                            "UIDs not increasing (" + record.uid() + " after " + previousUid
                                    + "): Dovecot deletes such a file and gives every message a new UID");
                    continue;
                }
                previousUid = record.uid();
                records.add(record);
            }
            return new Uidlist(origin, version, records, problems);
        }

        private void parseHeader(String line) throws MalformedControlFileException {
            if (line.length() < 2 || line.charAt(0) < '0' || line.charAt(0) > '9' || line.charAt(1) != ' ') {
                throw new MalformedControlFileException(
                        origin, 1, "corrupted header (no version number): '" + abbreviate(line) + "'");
            }
            version = line.charAt(0) - '0';
            String rest = line.substring(2);
            if (version == 1 || version == 2) {
                String[] parts = rest.trim().split(" +");
                if (parts.length < 2 || !isNumber(parts[0]) || !isNumber(parts[1])) {
                    throw new MalformedControlFileException(
                            origin, 1, "corrupted version " + version + " header: '" + abbreviate(line) + "'");
                }
                headerFields.add(new Field('V', parts[0]));
                headerFields.add(new Field('N', parts[1]));
            } else if (version == 3) {
                for (String token : rest.split(" ")) {
                    if (!token.isEmpty()) {
                        headerFields.add(new Field(token.charAt(0), token.substring(1)));
                    }
                }
            } else {
                throw new MalformedControlFileException(origin, 1, "unsupported uidlist version " + version);
            }
            for (Field f : headerFields) {
                if (f.key() == 'V') {
                    uidValidity = parseNumber(f.value());
                } else if (f.key() == 'N') {
                    nextUid = parseNumber(f.value());
                }
            }
            if (uidValidity <= 0 || nextUid <= 0) {
                throw new MalformedControlFileException(
                        origin, 1, "broken header (uidvalidity " + uidValidity + ", next uid " + nextUid + ")");
            }
        }

        private MessageRecord parseRecord(String line, int lineNumber) {
            int i = 0;
            while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
            }
            if (i == 0 || i > 10 || i >= line.length() || line.charAt(i) != ' ') {
                problem(lineNumber, "invalid record: '" + abbreviate(line) + "'");
                return null;
            }
            long uid = Long.parseLong(line.substring(0, i));
            if (uid == 0 || uid >= 0xFFFFFFFFL) {
                problem(lineNumber, "UID out of range: " + uid);
                return null;
            }
            if (version == 1 && uid >= nextUid) {
                problem(lineNumber, "UID " + uid + " not below the header's next uid " + nextUid);
                return null;
            }
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            List<Field> fields = new ArrayList<>();
            String base;
            if (version == 3) {
                while (i < line.length() && line.charAt(i) != ':') {
                    int end = line.indexOf(' ', i);
                    end = end < 0 ? line.length() : end;
                    char key = line.charAt(i);
                    if (key < 'A' || key > 'Z') {
                        problem(lineNumber, "invalid extension field '" + line.substring(i, end) + "'");
                        return null;
                    }
                    fields.add(new Field(key, line.substring(i + 1, end)));
                    i = end;
                    while (i < line.length() && line.charAt(i) == ' ') {
                        i++;
                    }
                }
                if (i < line.length()) {
                    i++; // the ':' before the base
                }
                base = line.substring(i);
            } else {
                String name = line.substring(i);
                int colon = name.indexOf(':');
                base = colon < 0 ? name : name.substring(0, colon);
            }
            if (base.isEmpty() || base.indexOf('/') >= 0) {
                problem(lineNumber, "broken file name: '" + abbreviate(base) + "'");
                return null;
            }
            return new MessageRecord(uid, fields, base);
        }

        private void problem(int lineNumber, String what) {
            problems.add(origin + " line " + lineNumber + ": " + what);
        }

        private static boolean isNumber(String s) {
            return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        private static long parseNumber(String s) {
            return isNumber(s) ? Long.parseLong(s) : 0;
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 80) + "…";
        }
    }
}
