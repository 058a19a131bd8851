package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dovecot's on-disk rules, written for the tests from maildir-facts.md and independent of the production parsers,
 * so that a bug in the generator's name or uidlist code cannot hide behind the same bug in the checks.
 */
final class MaildirFacts {
    /** {@code <sec>.M<usec>P<pid>.<host>,S=<size>,W=<vsize>[:2,<flags>]} */
    static final Pattern NAME =
            Pattern.compile("(\\d{9,11})\\.M(\\d{1,6})P(\\d+)\\.([A-Za-z0-9-]+),S=(\\d+),W=(\\d+)(?::2,([A-Za-z]*))?");

    static final Pattern UIDLIST_HEADER = Pattern.compile("3 V(\\d+) N(\\d+) G([0-9a-f]{32})");
    static final Pattern UIDLIST_RECORD = Pattern.compile("(\\d+) :(\\S+)");

    private MaildirFacts() {}

    /** Mailbox roots {@code <store>/<domain>/<user>}, sorted. */
    static List<Path> mailboxes(Path store) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path domain : sorted(store)) {
            for (Path user : sorted(domain)) {
                roots.add(user);
            }
        }
        return roots;
    }

    /** A mailbox's folders: the root (INBOX) and every {@code .Name} directory, sorted. */
    static List<Path> folders(Path mailbox) throws IOException {
        List<Path> folders = new ArrayList<>();
        folders.add(mailbox);
        for (Path child : sorted(mailbox)) {
            if (child.getFileName().toString().startsWith(".") && Files.isDirectory(child)) {
                folders.add(child);
            }
        }
        return folders;
    }

    static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        }
    }

    static String base(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    static String flags(String name) {
        int info = name.lastIndexOf(":2,");
        return info < 0 ? "" : name.substring(info + 3);
    }

    static Matcher parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            fail("not a Dovecot message name: " + name);
        }
        return matcher;
    }

    /** Message file names of a folder's {@code sub} directory ("new" or "cur"). */
    static List<String> names(Path folder, String sub) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : sorted(folder.resolve(sub))) {
            names.add(file.getFileName().toString());
        }
        return names;
    }

    static Map<Long, String> uidlistRecords(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("dovecot-uidlist"), StandardCharsets.UTF_8);
        Map<Long, String> records = new java.util.LinkedHashMap<>();
        long previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            Matcher record = UIDLIST_RECORD.matcher(line);
            assertTrue(record.matches(), folder + ": bad uidlist record '" + line + "'");
            long uid = Long.parseLong(record.group(1));
            assertTrue(uid > previous, folder + ": UID " + uid + " not above " + previous);
            previous = uid;
            records.put(uid, record.group(2));
        }
        return records;
    }

    static Map<Character, String> keywords(Path folder) throws IOException {
        Map<Character, String> keywords = new HashMap<>();
        Path file = folder.resolve("dovecot-keywords");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                keywords.put((char) ('a' + Integer.parseInt(parts[0])), parts[1]);
            }
        }
        return keywords;
    }

    /**
     * Checks every rule a folder must keep at any moment: names parse, sizes are real, the uidlist lists exactly
     * the files with increasing UIDs, every keyword letter is defined, nothing is left in {@code tmp/}.
     */
    static void checkFolder(Path folder) throws IOException {
        Set<String> bases = new HashSet<>();
        for (String sub : List.of("new", "cur")) {
            for (String name : names(folder, sub)) {
                Matcher parsed = parse(name);
                byte[] content = Files.readAllBytes(folder.resolve(sub).resolve(name));
                assertEquals(content.length, Long.parseLong(parsed.group(5)), name + ": S= is not the file size");
                assertEquals(
                        content.length + count(content, (byte) '\n'),
                        Long.parseLong(parsed.group(6)),
                        name + ": W= is not the CRLF size");
                assertEquals(0, count(content, (byte) '\r'), name + " contains CR; Dovecot stores LF line ends");
                if (sub.equals("new")) {
                    assertEquals(null, parsed.group(7), name + ": a file in new/ has no flags");
                } else {
                    String flags = parsed.group(7);
                    assertTrue(flags != null, name + ": a file in cur/ needs :2,");
                    char[] sorted = flags.toCharArray();
                    java.util.Arrays.sort(sorted);
                    assertEquals(new String(sorted), flags, name + ": flags not in ASCII order");
                    assertTrue(flags.matches("[DFPRST]*[a-z]*"), name + ": unexpected flag letters");
                    Map<Character, String> keywords = keywords(folder);
                    for (char letter : flags.chars().mapToObj(c -> (char) c).toList()) {
                        if (letter >= 'a' && letter <= 'z') {
                            assertTrue(
                                    keywords.containsKey(letter),
                                    folder + "/dovecot-keywords does not define '" + letter + "' used by " + name);
                        }
                    }
                }
                assertTrue(bases.add(base(name)), folder + ": base twice: " + base(name));
            }
        }
        Map<Long, String> records = uidlistRecords(folder);
        assertEquals(bases, new HashSet<>(records.values()), folder + ": uidlist does not list exactly the files");
        assertEquals(records.size(), new HashSet<>(records.values()).size(), folder + ": a base listed twice");
        assertEquals(List.of(), sorted(folder.resolve("tmp")), folder + "/tmp is not empty");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    List.of(), files.filter(f -> f.toString().endsWith(".lock")).toList(), "lock left behind");
        }
    }

    static int count(byte[] content, byte b) {
        int count = 0;
        for (byte c : content) {
            if (c == b) {
                count++;
            }
        }
        return count;
    }

    /** The header block of a message (up to the first empty line). */
    static String header(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        assertTrue(end > 0, "message has no empty line after its header");
        return text.substring(0, end + 1);
    }

    /** Everything after the header's empty line. */
    static byte[] body(byte[] message) {
        for (int i = 0; i + 1 < message.length; i++) {
            if (message[i] == '\n' && message[i + 1] == '\n') {
                return java.util.Arrays.copyOfRange(message, i + 2, message.length);
            }
        }
        throw new AssertionError("message has no empty line after its header");
    }

    /** The first value of a header field (unfolded), or null. */
    static String field(String header, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.*(?:\n[ \t].*)*)")
                .matcher(header);
        return m.find() ? m.group(1).replace("\n", "") : null;
    }

    /** All message files of a store or mailbox. */
    static List<Path> messages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String parent = f.getParent().getFileName().toString();
                        return parent.equals("cur") || parent.equals("new");
                    })
                    .sorted()
                    .toList();
        }
    }
}
