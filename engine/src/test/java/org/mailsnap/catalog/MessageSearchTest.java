package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BaseNames;

/** Queries over seeded random messages, checked against a plain filter of the same messages. */
class MessageSearchTest {
    private static final List<String> MAILBOXES = List.of("u1", "u10", "u2", "example.org/anne");
    private static final List<String> PEOPLE = List.of(
            "Anne Ärger <anne@example.org>",
            "bob@example.NET",
            "\"Carol\" <carol@lists.example.com>",
            "dave@EXAMPLE.org");
    private static final List<String> WORDS = List.of("Invoice", "meeting", "Über", "party", "REPORT", "lunch");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyFilterAndTheirCombinationsMatchAPlainScan() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageSearchTest seed=" + seed);
        Random random = new Random(seed);
        List<FoundMessage> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String mailbox = MAILBOXES.get(random.nextInt(MAILBOXES.size()));
            String messageId = random.nextInt(10) == 0 ? null : "<m" + random.nextInt(1500) + "@example.org>";
            Instant date = random.nextInt(20) == 0 ? null : T0.plusSeconds(random.nextInt(365 * 86400));
            String subject = random.nextInt(15) == 0 ? null : WORDS.get(random.nextInt(WORDS.size())) + " #" + i;
            boolean gone = random.nextBoolean();
            MessageInfo info = new MessageInfo(
                    messageId,
                    PEOPLE.get(random.nextInt(PEOPLE.size())),
                    random.nextInt(8) == 0 ? null : PEOPLE.get(random.nextInt(PEOPLE.size())),
                    subject,
                    date,
                    "s1",
                    T0,
                    gone ? "s2" : null,
                    T0.plusSeconds(3600),
                    gone ? T0.plusSeconds(7200) : null,
                    random.nextBoolean() ? "" : ".Sent",
                    "S");
            all.add(new FoundMessage(mailbox, "base" + i, info));
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            try (CatalogWriter w = catalog.beginWrite()) {
                for (FoundMessage m : all) {
                    w.putMessage(m.mailbox(), m.guid(), m.info());
                }
                w.commit();
            }
            // The catalog holds one entry per (mailbox, base); the last put wins.
            try (CatalogReader r = catalog.read()) {
                assertEquals(
                        all.size(),
                        r.find(MessageQuery.all().withLimit(100_000)).size());
                for (int q = 0; q < 150; q++) {
                    MessageQuery query = randomQuery(random, all);
                    List<FoundMessage> expected = all.stream()
                            .filter(plainFilter(query))
                            .sorted(indexOrder())
                            .limit(query.limit())
                            .toList();
                    assertEquals(expected, r.find(query), "seed " + seed + " query " + query);
                }
            }
        }
    }

    @Test
    void theMessageIdIndexFollowsChangesAndDeletes() throws Exception {
        MessageInfo first = info("<a@x>");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putMessage("u1", "b1", first);
                w.putMessage("u10", "b1", first);
                w.putMessage("u1", "b2", info(null));
                w.commit();
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(2, r.find(MessageQuery.all().withMessageId("a@x")).size(), "brackets are optional");
                assertEquals(
                        List.of(new FoundMessage("u1", "b1", first)),
                        r.find(MessageQuery.all().withMessageId(" <a@x> ").withMailbox("u1")));
            }
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putMessage("u1", "b1", info("<b@x>"));
                w.deleteMessage("u10", "b1");
                w.commit();
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(List.of(), r.find(MessageQuery.all().withMessageId("<a@x>")));
                assertEquals(
                        1, r.find(MessageQuery.all().withMessageId("<b@x>")).size());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MessageQuery.all().withMessageId("<>"));
        assertThrows(IllegalArgumentException.class, () -> MessageQuery.all().withLimit(0));
    }

    private static MessageInfo info(String messageId) {
        return new MessageInfo(messageId, "f", "t", "s", T0, "s1", T0, null, T0, null, "", "");
    }

    private static MessageQuery randomQuery(Random random, List<FoundMessage> all) {
        MessageQuery q = MessageQuery.all().withLimit(random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 100_000);
        if (random.nextInt(4) == 0) {
            String id = all.get(random.nextInt(all.size())).info().messageId();
            q = q.withMessageId(
                    id == null ? "<absent@example.org>" : random.nextBoolean() ? id : id.substring(1, id.length() - 1));
        }
        if (random.nextInt(3) == 0) {
            List<String> needles = List.of("anne", "EXAMPLE.org", "Ärger", "carol@l");
            q = q.withFrom(randomCase(random, needles.get(random.nextInt(needles.size()))));
        }
        if (random.nextInt(3) == 0) {
            q = q.withTo(randomCase(
                    random, List.of("bob", "example.net", "@", "nobody").get(random.nextInt(4))));
        }
        if (random.nextInt(3) == 0) {
            q = q.withSubject(randomCase(random, WORDS.get(random.nextInt(WORDS.size()))));
        }
        if (random.nextInt(3) == 0) {
            q = q.withSince(T0.plus(Duration.ofDays(random.nextInt(365))));
        }
        if (random.nextInt(3) == 0) {
            q = q.withUntil(T0.plus(Duration.ofDays(random.nextInt(365))));
        }
        if (random.nextInt(3) == 0) {
            q = q.withMailbox(MAILBOXES.get(random.nextInt(MAILBOXES.size())));
        }
        return q;
    }

    private static String randomCase(Random random, String s) {
        return random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    }

    /** The query's meaning, written out independently of the catalog's code. */
    private static Predicate<FoundMessage> plainFilter(MessageQuery q) {
        return m -> {
            MessageInfo i = m.info();
            return (q.mailbox() == null || q.mailbox().equals(m.mailbox()))
                    && (q.messageId() == null
                            || (i.messageId() != null
                                    && withoutBrackets(i.messageId()).equals(withoutBrackets(q.messageId()))))
                    && has(i.from(), q.from())
                    && has(i.to(), q.to())
                    && has(i.subject(), q.subject())
                    && (q.since() == null || (i.date() != null && i.date().compareTo(q.since()) >= 0))
                    && (q.until() == null || (i.date() != null && i.date().compareTo(q.until()) < 0));
        };
    }

    private static String withoutBrackets(String id) {
        return id.replace("<", "").replace(">", "");
    }

    private static boolean has(String field, String needle) {
        return needle == null
                || (field != null && field.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT)));
    }

    /** Index order: mailbox bytes, then base bytes (mailbox names here are ASCII, so String order agrees). */
    private static Comparator<FoundMessage> indexOrder() {
        return Comparator.comparing(FoundMessage::mailbox).thenComparing(FoundMessage::guid, BaseNames.ORDER);
    }
}
