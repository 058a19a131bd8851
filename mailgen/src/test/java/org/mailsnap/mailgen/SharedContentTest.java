package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content a mail-aware backup should store once: list posts and forwarded attachments across mailboxes. */
class SharedContentTest {
    private static final long SEED = 77;

    @TempDir
    static Path temp;

    static Path store;

    @BeforeAll
    static void generate() throws IOException {
        System.out.println("SharedContentTest seed " + SEED);
        store = temp.resolve("store");
        StoreSpec spec = StoreSpec.tiny().toBuilder()
                .seed(SEED)
                .mailboxes(5)
                .messagesPerMailbox(80)
                .attachmentShare(0.3)
                .sharedAttachmentShare(0.5)
                .build();
        new StoreGenerator(spec).generate(store);
    }

    @Test
    void aListPostReachesSeveralMailboxesWithTheSameBodyAndPersonalHeaders() throws IOException {
        Map<String, List<Path>> copiesByMessageId = new HashMap<>();
        for (Path message : MaildirFacts.messages(store)) {
            String header = MaildirFacts.header(Files.readAllBytes(message));
            if (MaildirFacts.field(header, "List-Id") != null) {
                copiesByMessageId
                        .computeIfAbsent(MaildirFacts.field(header, "Message-ID"), k -> new ArrayList<>())
                        .add(message);
            }
        }
        int sharedPosts = 0;
        for (List<Path> copies : copiesByMessageId.values()) {
            if (copies.size() < 2) {
                continue;
            }
            sharedPosts++;
            byte[] first = Files.readAllBytes(copies.get(0));
            Set<String> recipients = new HashSet<>();
            for (Path copy : copies) {
                byte[] bytes = Files.readAllBytes(copy);
                assertArrayEquals(
                        MaildirFacts.body(first),
                        MaildirFacts.body(bytes),
                        "body after the header's empty line is shared: " + copies.get(0) + " vs " + copy);
                assertTrue(
                        recipients.add(MaildirFacts.field(MaildirFacts.header(bytes), "Delivered-To")),
                        "each copy names its own recipient");
            }
            assertNotEquals(MaildirFacts.header(first), MaildirFacts.header(Files.readAllBytes(copies.get(1))));
        }
        assertTrue(sharedPosts > 10, sharedPosts + " list posts in more than one mailbox");
        long mostCopies =
                copiesByMessageId.values().stream().mapToInt(List::size).max().orElse(0);
        assertTrue(mostCopies >= 3, "a post reaches several subscribers: " + mostCopies);
    }

    @Test
    void forwardedAttachmentsAppearByteIdenticalInSeveralMailboxes() throws IOException {
        Map<String, Set<Path>> mailboxesByPart = new HashMap<>();
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            for (Path message : MaildirFacts.messages(mailbox)) {
                for (byte[] part : GeneratedStoreRulesTest.attachmentParts(Files.readAllBytes(message))) {
                    mailboxesByPart
                            .computeIfAbsent(sha256(part), k -> new HashSet<>())
                            .add(mailbox);
                }
            }
        }
        long acrossMailboxes =
                mailboxesByPart.values().stream().filter(m -> m.size() >= 2).count();
        assertTrue(acrossMailboxes >= 3, acrossMailboxes + " attachments shared across mailboxes");
        assertTrue(mailboxesByPart.values().stream().anyMatch(m -> m.size() == 1), "most attachments are unique");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
