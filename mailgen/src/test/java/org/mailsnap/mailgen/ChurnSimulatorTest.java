package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnSimulatorTest {
    private static final StoreTree.Options MESSAGES_AND_CONTENT =
            StoreTree.Options.exact().ignoringDirectoryMtimes();
    /** Churn rewrites uidlists at wall-clock time, like Dovecot; everything else must be reproducible. */
    private static final StoreTree.Options REPRODUCIBLE =
            MESSAGES_AND_CONTENT.ignoringMtimesOf(StoreTree.Kind.CONTROL_FILE);

    private static final ChurnSpec BUSY_HOUR = ChurnSpec.builder()
            .seed(3)
            .flagChangeShare(0.05)
            .keywordChangeShare(0.03)
            .moveShare(0.03)
            .copyShare(0.02)
            .deliveryShare(0.03)
            .expungeShare(0.02)
            .build();

    @TempDir
    Path temp;

    private Path generate(String name, long seed) throws IOException {
        Path store = temp.resolve(name);
        new StoreGenerator(StoreSpec.tiny().toBuilder()
                        .seed(seed)
                        .mailboxes(3)
                        .messagesPerMailbox(60)
                        .newShare(0.1)
                        .build())
                .generate(store);
        return store;
    }

    @Test
    void theTreeChangesExactlyAsTheReportSays() throws IOException {
        System.out.println("theTreeChangesExactlyAsTheReportSays: store seed 31, " + BUSY_HOUR);
        Path store = generate("store", 31);
        StoreTree before = StoreTree.capture(store, MESSAGES_AND_CONTENT);

        ChurnReport report = new ChurnSimulator(BUSY_HOUR).simulateHour(store);

        StoreTree after = StoreTree.capture(store, MESSAGES_AND_CONTENT);
        Observed observed = Observed.between(before, after);
        assertEquals(report.pickups(), observed.pickups, "pickups");
        assertEquals(report.flagChanges(), observed.flagChanges, "flag changes");
        assertEquals(report.keywordChanges(), observed.keywordChanges, "keyword changes");
        assertEquals(report.moves(), observed.moves, "moves");
        assertEquals(report.copies(), observed.copies, "copies");
        assertEquals(report.expunges(), observed.expunges, "expunges");
        assertEquals(report.deliveries(), observed.deliveries, "deliveries");
        assertEquals(report.deliveredBytes(), observed.deliveredBytes, "delivered bytes");
        for (int count : new int[] {
            report.pickups(),
            report.flagChanges(),
            report.keywordChanges(),
            report.moves(),
            report.copies(),
            report.expunges(),
            report.deliveries()
        }) {
            assertTrue(count > 0, "every kind of operation happened: " + report);
        }
        assertFolderRulesHold(store);
    }

    @Test
    void sameSeedOnTheSameStoreGivesTheSameHourAndAnotherSeedAnother() throws IOException {
        Path a = generate("a", 8);
        Path b = generate("b", 8);
        Path c = generate("c", 8);

        ChurnReport first = new ChurnSimulator(BUSY_HOUR).simulateHour(a);
        ChurnReport second = new ChurnSimulator(BUSY_HOUR).simulateHour(b);
        new ChurnSimulator(BUSY_HOUR.withSeed(4)).simulateHour(c);

        assertEquals(first, second);
        StoreTree treeA = StoreTree.capture(a, REPRODUCIBLE);
        assertEquals(List.of(), treeA.diff(StoreTree.capture(b, REPRODUCIBLE)));
        assertEquals(
                Files.readString(a.resolve("example.org/anna.meyer/dovecot-uidlist")),
                Files.readString(b.resolve("example.org/anna.meyer/dovecot-uidlist")));
        assertNotEquals(treeA, StoreTree.capture(c, REPRODUCIBLE));
    }

    @Test
    void defaultSharesCountMessagesAtTheStartOfTheHourAndPickUpAllOfNew() throws IOException {
        Path store = generate("store", 9);
        StoreTree before = StoreTree.capture(store, MESSAGES_AND_CONTENT);
        List<StoreTree.Entry> messages = before.entries(StoreTree.Kind.MESSAGE);
        long waiting = messages.stream().filter(e -> e.path().contains("/new/")).count();

        ChurnReport report = new ChurnSimulator(ChurnSpec.defaults()).simulateHour(store);

        ChurnSpec defaults = ChurnSpec.defaults();
        assertEquals(waiting, report.pickups());
        assertEquals(Math.round(defaults.flagChangeShare() * messages.size()), report.flagChanges());
        assertEquals(Math.round(defaults.moveShare() * messages.size()), report.moves());
        assertEquals(Math.round(defaults.deliveryShare() * messages.size()), report.deliveries());
        assertEquals(Math.round(defaults.expungeShare() * messages.size()), report.expunges());
        long stillWaiting = StoreTree.capture(store).entries(StoreTree.Kind.MESSAGE).stream()
                .filter(e -> e.path().contains("/new/"))
                .count();
        assertEquals(report.deliveries(), stillWaiting, "only this hour's deliveries wait in new/");
    }

    @Test
    void aRenamesOnlyHourKeepsEveryMessagesContent() throws IOException {
        Path store = generate("store", 10);
        StoreTree before = StoreTree.capture(store, MESSAGES_AND_CONTENT);

        ChurnReport report = new ChurnSimulator(BUSY_HOUR.renamesOnly()).simulateHour(store);

        assertEquals(0, report.deliveries() + report.expunges() + report.copies(), report.toString());
        assertTrue(report.flagChanges() > 0 && report.moves() > 0 && report.pickups() > 0, report.toString());
        StoreTree after = StoreTree.capture(store, MESSAGES_AND_CONTENT);
        assertEquals(contentsByMailbox(before), contentsByMailbox(after), "same messages in every mailbox");
        assertFolderRulesHold(store);
    }

    @Test
    void successiveHoursKeepTheStoreValidAndMoveTimeForward() throws IOException {
        Path store = generate("store", 12);
        ChurnReport previous = null;
        for (int hour = 1; hour <= 3; hour++) {
            ChurnReport report = new ChurnSimulator(BUSY_HOUR.withSeed(hour)).simulateHour(store);
            if (previous != null) {
                assertTrue(report.hourStart().isAfter(previous.hourStart()), report + " after " + previous);
            }
            previous = report;
            assertFolderRulesHold(store);
        }
    }

    @Test
    void refusesToStartWhileAFolderIsLockedAndChangesNothing() throws IOException {
        Path store = generate("store", 13);
        Path lock = Files.writeString(store.resolve("example.de/ben.meyer/.Sent/dovecot-uidlist.lock"), "1:other");
        StoreTree before = StoreTree.capture(store);

        IOException e = assertThrows(IOException.class, () -> new ChurnSimulator(BUSY_HOUR).simulateHour(store));

        assertTrue(e.getMessage().contains(lock.toString()), e.getMessage());
        assertEquals(List.of(), before.diff(StoreTree.capture(store)));
    }

    @Test
    void aStoreWithoutMailboxesIsAClearError() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> new ChurnSimulator(BUSY_HOUR).simulateHour(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no Maildir"), e.getMessage());
    }

    private static void assertFolderRulesHold(Path store) throws IOException {
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            for (Path folder : MaildirFacts.folders(mailbox)) {
                MaildirFacts.checkFolder(folder);
            }
        }
    }

    private static Map<String, List<String>> contentsByMailbox(StoreTree tree) {
        Map<String, List<String>> contents = new HashMap<>();
        for (StoreTree.Entry e : tree.entries(StoreTree.Kind.MESSAGE)) {
            String[] parts = e.path().split("/");
            contents.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
                    .add(e.sha256());
        }
        contents.values().forEach(java.util.Collections::sort);
        return contents;
    }

    /** What happened between two captures, worked out from names alone, the way a mail-aware backup sees it. */
    static final class Observed {
        int pickups;
        int flagChanges;
        int keywordChanges;
        int moves;
        int copies;
        int expunges;
        int deliveries;
        long deliveredBytes;

        /** A message file: folder path, base, and the rest. */
        record Placement(String mailbox, String folder, String base, String sub, StoreTree.Entry entry) {
            static Placement of(StoreTree.Entry entry) {
                String[] parts = entry.path().split("/");
                String folder = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
                return new Placement(
                        parts[0] + "/" + parts[1],
                        folder,
                        MaildirFacts.base(entry.name()),
                        parts[parts.length - 2],
                        entry);
            }

            String key() {
                return folder + "|" + base;
            }
        }

        static Observed between(StoreTree before, StoreTree after) {
            Map<String, Placement> old = index(before);
            Map<String, Placement> now = index(after);
            Observed observed = new Observed();
            for (Placement was : old.values()) {
                Placement is = now.get(was.key());
                if (is != null) {
                    assertEquals(
                            was.entry().sha256(),
                            is.entry().sha256(),
                            "content of " + was.entry().path());
                    assertEquals(
                            was.entry().mtimeNanos(),
                            is.entry().mtimeNanos(),
                            "mtime of " + was.entry().path());
                    if (was.sub().equals("new") && is.sub().equals("cur")) {
                        assertEquals(was.entry().name() + ":2,", is.entry().name(), "pickup keeps the name");
                        observed.pickups++;
                    } else if (!was.entry().name().equals(is.entry().name())) {
                        String oldFlags = MaildirFacts.flags(was.entry().name());
                        String newFlags = MaildirFacts.flags(is.entry().name());
                        boolean system = !upper(oldFlags).equals(upper(newFlags));
                        boolean keywords = !lower(oldFlags).equals(lower(newFlags));
                        assertTrue(system ^ keywords, "one kind of flag changes per rename: " + was + " -> " + is);
                        observed.flagChanges += system ? 1 : 0;
                        observed.keywordChanges += keywords ? 1 : 0;
                    }
                } else if (elsewhereOnlyNow(was, old, now)) {
                    observed.moves++;
                } else {
                    observed.expunges++;
                }
            }
            for (Placement is : now.values()) {
                if (old.containsKey(is.key())) {
                    continue;
                }
                Placement source = findOtherFolder(is, old);
                if (source != null) {
                    assertEquals(source.entry().sha256(), is.entry().sha256(), "a link keeps the content");
                    assertEquals(source.entry().mtimeNanos(), is.entry().mtimeNanos(), "a link keeps the mtime");
                    observed.copies += now.containsKey(source.key()) ? 1 : 0;
                } else {
                    assertEquals("new", is.sub(), "a delivery lands in new/: " + is);
                    assertEquals(is.base(), is.entry().name(), "a delivery has no flags yet");
                    assertTrue(is.entry().name().contains(",S=" + is.entry().size() + ","), "S= is the real size");
                    observed.deliveries++;
                    observed.deliveredBytes += is.entry().size();
                }
            }
            return observed;
        }

        private static boolean elsewhereOnlyNow(Placement was, Map<String, Placement> old, Map<String, Placement> now) {
            for (Placement is : now.values()) {
                if (is.mailbox().equals(was.mailbox()) && is.base().equals(was.base()) && !old.containsKey(is.key())) {
                    assertEquals(was.entry().sha256(), is.entry().sha256(), "a move keeps the content");
                    return true;
                }
            }
            return false;
        }

        private static Placement findOtherFolder(Placement is, Map<String, Placement> old) {
            for (Placement was : old.values()) {
                if (was.mailbox().equals(is.mailbox()) && was.base().equals(is.base())) {
                    return was;
                }
            }
            return null;
        }

        private static Map<String, Placement> index(StoreTree tree) {
            Map<String, Placement> index = new HashMap<>();
            for (StoreTree.Entry entry : tree.entries(StoreTree.Kind.MESSAGE)) {
                Placement placement = Placement.of(entry);
                assertEquals(null, index.put(placement.key(), placement), "one file per base and folder");
            }
            return index;
        }

        private static String upper(String flags) {
            return flags.replaceAll("[a-z]", "");
        }

        private static String lower(String flags) {
            return flags.replaceAll("[A-Z]", "");
        }
    }
}
