package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A folder's {@code dovecot-uidlist}, version 3:
 * <pre>
 * uidlist --> header, record*
 * header  --> "3" (" " key value)* "\n"        keys: V uidvalidity, N next uid, G mailbox GUID, others kept
 * record  --> uid (" " key value)* " :" base "\n"
 * </pre>
 * Records are in increasing UID order. Appending a record does not rewrite {@code N}, so the next UID is
 * {@code max(N, last uid + 1)}; a rewrite (after expunges) sets {@code N} to that value.
 *
 * <p>Writes the file the way Dovecot maintains it (create, append, rewrite after expunges) and reads back only what
 * it wrote itself. Deliberately apart from the engine's reader ({@code org.mailsnap.maildir.Uidlist}): generated
 * stores test that reader, so they must not share its mistakes, and mailgen depends on nothing but the JDK.
 */
final class UidlistWriter {
    static final String FILE = "dovecot-uidlist";

    private final List<String> headerFields;
    private final List<MessageRecord> records = new ArrayList<>();

    record MessageRecord(long uid, String line, String base) {}

    private UidlistWriter(List<String> headerFields) {
        this.headerFields = headerFields;
    }

    static UidlistWriter create(long uidValidity, long nextUid, String guid) {
        return new UidlistWriter(new ArrayList<>(List.of("V" + uidValidity, "N" + nextUid, "G" + guid)));
    }

    /** Reads the folder's uidlist, or returns null when it has none. */
    static UidlistWriter read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return null;
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty uidlist");
        }
        String[] header = lines.get(0).split(" ");
        if (!header[0].equals("3")) {
            throw new IOException(file + ": uidlist version '" + header[0] + "' is not supported (only 3)");
        }
        UidlistWriter uidlist =
                new UidlistWriter(new ArrayList<>(List.of(header).subList(1, header.length)));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int baseStart = line.indexOf(" :");
            int uidEnd = line.indexOf(' ');
            long uid;
            try {
                uid = baseStart < 0 ? -1 : Long.parseLong(line.substring(0, uidEnd));
            } catch (NumberFormatException e) {
                uid = -1;
            }
            if (uid <= 0 || (!uidlist.records.isEmpty() && uid <= uidlist.lastUid())) {
                throw new IOException(
                        file + ": line " + (i + 1) + " is not a record with an increasing UID: '" + line + "'");
            }
            uidlist.records.add(new MessageRecord(uid, line, line.substring(baseStart + 2)));
        }
        return uidlist;
    }

    List<MessageRecord> records() {
        return records;
    }

    long lastUid() {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).uid();
    }

    long headerNextUid() {
        for (String field : headerFields) {
            if (field.startsWith("N")) {
                return Long.parseLong(field.substring(1));
            }
        }
        return 1;
    }

    long nextUid() {
        return Math.max(headerNextUid(), lastUid() + 1);
    }

    /** Adds a record for {@code base} with the next UID and returns its text line (with its newline). */
    String add(String base) {
        return add(nextUid(), base);
    }

    String add(long uid, String base) {
        if (uid <= lastUid()) {
            throw new IllegalArgumentException("uid " + uid + " is not above the last uid " + lastUid());
        }
        String line = uid + " :" + base;
        records.add(new MessageRecord(uid, line, base));
        return line + "\n";
    }

    void remove(Set<String> bases) {
        records.removeIf(record -> bases.contains(record.base()));
    }

    /** Sets the header's {@code N} to the real next UID, as Dovecot does when it rewrites the file. */
    void settleNextUid(long atLeast) {
        long next = Math.max(nextUid(), atLeast);
        headerFields.replaceAll(field -> field.startsWith("N") ? "N" + next : field);
    }

    byte[] fileContent() {
        StringBuilder text = new StringBuilder(64 + records.size() * 64);
        text.append('3');
        for (String field : headerFields) {
            text.append(' ').append(field);
        }
        text.append('\n');
        for (MessageRecord record : records) {
            text.append(record.line()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
