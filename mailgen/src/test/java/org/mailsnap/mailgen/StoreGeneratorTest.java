package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreGeneratorTest {
    @TempDir
    Path temp;

    @Test
    void sameSeedGivesAByteIdenticalTreeWhateverTheThreadCount() throws IOException {
        StoreSpec spec = StoreSpec.tiny().withSeed(11);
        new StoreGenerator(spec, 1).generate(temp.resolve("a"));
        new StoreGenerator(spec, 3).generate(temp.resolve("b"));

        StoreTree a = StoreTree.capture(temp.resolve("a"));
        StoreTree b = StoreTree.capture(temp.resolve("b"));
        assertEquals(List.of(), a.diff(b), "names, bytes and every mtime (directories too) must match");
        assertEquals(a, b);
        assertTrue(a.entries(StoreTree.Kind.MESSAGE).size() == spec.totalMessages());
    }

    @Test
    void anotherSeedGivesAnotherStore() throws IOException {
        new StoreGenerator(StoreSpec.tiny().withSeed(11)).generate(temp.resolve("a"));
        new StoreGenerator(StoreSpec.tiny().withSeed(12)).generate(temp.resolve("b"));

        StoreTree a = StoreTree.capture(temp.resolve("a"));
        StoreTree b = StoreTree.capture(temp.resolve("b"));
        assertNotEquals(a, b);
        long sharedContent = a.entries(StoreTree.Kind.MESSAGE).stream()
                .map(StoreTree.Entry::sha256)
                .filter(b.entries(StoreTree.Kind.MESSAGE).stream()
                        .map(StoreTree.Entry::sha256)
                        .toList()::contains)
                .count();
        assertEquals(0, sharedContent, "no message of one seed reappears under another");
    }

    @Test
    void summaryCountsWhatIsOnDisk() throws IOException {
        StoreSpec spec = StoreSpec.tiny().toBuilder()
                .seed(5)
                .mailboxes(3)
                .messagesPerMailbox(50)
                .build();
        GeneratedStore summary = new StoreGenerator(spec).generate(temp.resolve("s"));

        StoreTree tree = StoreTree.capture(temp.resolve("s"));
        List<StoreTree.Entry> messages = tree.entries(StoreTree.Kind.MESSAGE);
        assertEquals(3, summary.mailboxes());
        assertEquals(150, summary.messages());
        assertEquals(messages.size(), summary.messages());
        assertEquals(messages.stream().mapToLong(StoreTree.Entry::size).sum(), summary.bytes());
        assertEquals(messages.size() + tree.entries(StoreTree.Kind.CONTROL_FILE).size(), summary.files());
        long folders = tree.entries(StoreTree.Kind.DIRECTORY).stream()
                .filter(e -> e.name().equals("cur"))
                .count();
        assertEquals(folders, summary.folders());
        assertEquals(3 * (spec.foldersPerMailbox() + 1), summary.folders());
    }

    @Test
    void writesOnlyIntoAnEmptyDirectory() throws IOException {
        Path store = Files.createDirectories(temp.resolve("busy"));
        Path precious = Files.writeString(store.resolve("precious"), "keep me");

        IOException e = assertThrows(IOException.class, () -> new StoreGenerator(StoreSpec.tiny()).generate(store));
        assertTrue(e.getMessage().contains(store.toString()) && e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("keep me", Files.readString(precious));
        assertEquals(1, MaildirFacts.sorted(store).size(), "nothing was written");
    }

    @Test
    void specRejectsBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> StoreSpec.tiny().toBuilder().foldersPerMailbox(2).build());
        assertTrue(
                e.getMessage().contains("foldersPerMailbox") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> StoreSpec.tiny().toBuilder().listShare(1.5).build());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> StoreSpec.tiny().toBuilder().host("a.b").build());
        assertTrue(e.getMessage().contains("a.b"), e.getMessage());
    }

    @Test
    void presetsHaveTheAdvertisedShape() {
        assertEquals(50_000, StoreSpec.small().totalMessages());
        assertEquals(20, StoreSpec.small().mailboxes());
        assertEquals(1_000_000, StoreSpec.large().totalMessages());
        assertTrue(StoreSpec.tiny().totalMessages() >= 100 && StoreSpec.tiny().totalMessages() <= 1000);
        assertEquals(StoreSpec.small(), StoreSpec.small().toBuilder().build(), "toBuilder round-trips");
        assertNotEquals(StoreSpec.small(), StoreSpec.small().withSeed(2));
    }
}
