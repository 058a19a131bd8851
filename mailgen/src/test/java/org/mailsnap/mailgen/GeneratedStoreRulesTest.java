package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated store keeps Dovecot's rules (maildir-facts.md) and looks like real mail. */
class GeneratedStoreRulesTest {
    private static final long SEED = 20240601;

    @TempDir
    static Path temp;

    static Path store;
    static StoreSpec spec;

    @BeforeAll
    static void generate() throws IOException {
        System.out.println("GeneratedStoreRulesTest seed " + SEED);
        spec = StoreSpec.tiny().withSeed(SEED);
        store = temp.resolve("store");
        new StoreGenerator(spec).generate(store);
    }

    @Test
    void mailboxesLiveAtDomainSlashUserWithTheStandardFolders() throws IOException {
        List<Path> mailboxes = MaildirFacts.mailboxes(store);
        assertEquals(spec.mailboxes(), mailboxes.size());
        for (Path mailbox : mailboxes) {
            assertTrue(mailbox.getParent().getFileName().toString().contains("."), "domain directory: " + mailbox);
            List<Path> folders = MaildirFacts.folders(mailbox);
            assertEquals(spec.foldersPerMailbox() + 1, folders.size(), mailbox + " folders");
            for (String standard : List.of(".Sent", ".Drafts", ".Trash", ".Archive")) {
                assertTrue(Files.isDirectory(mailbox.resolve(standard)), mailbox + " lacks " + standard);
            }
            for (Path folder : folders) {
                for (String sub : List.of("cur", "new", "tmp")) {
                    assertTrue(Files.isDirectory(folder.resolve(sub)), folder + " lacks " + sub);
                }
                boolean root = folder.equals(mailbox);
                assertEquals(
                        !root,
                        Files.isRegularFile(folder.resolve("maildirfolder")),
                        folder + ": maildirfolder belongs in every folder and never in the root");
            }
        }
    }

    @Test
    void everyFolderKeepsDovecotsRules() throws IOException {
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            for (Path folder : MaildirFacts.folders(mailbox)) {
                MaildirFacts.checkFolder(folder);
            }
        }
    }

    @Test
    void uidlistHeaderIsVersion3WithNextUidAboveEveryRecord() throws IOException {
        Set<String> guids = new HashSet<>();
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            Set<Long> validities = new HashSet<>();
            for (Path folder : MaildirFacts.folders(mailbox)) {
                String header =
                        Files.readAllLines(folder.resolve("dovecot-uidlist")).get(0);
                Matcher m = MaildirFacts.UIDLIST_HEADER.matcher(header);
                assertTrue(m.matches(), folder + ": header '" + header + "'");
                long next = Long.parseLong(m.group(2));
                Map<Long, String> records = MaildirFacts.uidlistRecords(folder);
                long maxUid = records.keySet().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0);
                assertTrue(next > maxUid, folder + ": N" + next + " must exceed the largest UID " + maxUid);
                assertTrue(validities.add(Long.parseLong(m.group(1))), "UIDVALIDITY unique within " + mailbox);
                assertTrue(guids.add(m.group(3)), "mailbox GUIDs are unique");
            }
        }
    }

    @Test
    void keywordsFilesExistWhereKeywordsAreUsedAndDefineThemAll() throws IOException {
        int foldersWithKeywords = 0;
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            for (Path folder : MaildirFacts.folders(mailbox)) {
                Set<Character> used = new HashSet<>();
                for (String name : MaildirFacts.names(folder, "cur")) {
                    for (char c : MaildirFacts.flags(name).toCharArray()) {
                        if (c >= 'a' && c <= 'z') {
                            used.add(c);
                        }
                    }
                }
                Map<Character, String> defined = MaildirFacts.keywords(folder);
                assertEquals(used, defined.keySet(), folder + ": keywords file defines exactly the used letters");
                foldersWithKeywords += used.isEmpty() ? 0 : 1;
                for (String keyword : defined.values()) {
                    assertTrue(List.of(Keywords.CATALOG).contains(keyword), keyword);
                }
            }
        }
        assertTrue(foldersWithKeywords > 0, "some folders use keywords");
    }

    @Test
    void unseenMailWaitsInNewAndMostMailIsSeenInCur() throws IOException {
        int inNew = 0;
        int inCur = 0;
        Set<String> flagSets = new HashSet<>();
        for (Path message : MaildirFacts.messages(store)) {
            if (message.getParent().getFileName().toString().equals("new")) {
                inNew++;
            } else {
                inCur++;
                flagSets.add(
                        MaildirFacts.flags(message.getFileName().toString()).replaceAll("[a-z]", ""));
            }
        }
        assertTrue(inNew > 0, "some messages are unseen in new/");
        assertTrue(inNew < inCur / 10, inNew + " in new/ vs " + inCur + " in cur/");
        assertTrue(flagSets.containsAll(List.of("S", "RS", "FS", "DS")), "typical flag sets appear: " + flagSets);
    }

    @Test
    void mtimeIsTheReceivedTimeOfTheNameAndSpreadsOverMonths() throws IOException {
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (Path message : MaildirFacts.messages(store)) {
            Matcher name = MaildirFacts.parse(message.getFileName().toString());
            FileTime mtime = Files.getLastModifiedTime(message);
            assertEquals(Long.parseLong(name.group(1)), mtime.to(TimeUnit.SECONDS), message.toString());
            earliest = Math.min(earliest, mtime.to(TimeUnit.SECONDS));
            latest = Math.max(latest, mtime.to(TimeUnit.SECONDS));
        }
        assertTrue(latest - earliest > 90 * 86_400L, "received times span months");
        assertTrue(latest <= spec.end().getEpochSecond() + 120, "nothing after the spec's end");
    }

    @Test
    void messagesAreRfc5322WithDeliveryHeadersNamingTheRecipient() throws IOException {
        int delivered = 0;
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            String recipient = mailbox.getFileName() + "@" + mailbox.getParent().getFileName();
            for (Path message : MaildirFacts.messages(mailbox)) {
                String header = MaildirFacts.header(Files.readAllBytes(message));
                for (String field :
                        List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type")) {
                    assertNotNull(MaildirFacts.field(header, field), message + " lacks " + field);
                }
                assertTrue(
                        MaildirFacts.field(header, "Date")
                                .matches(
                                        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}"),
                        MaildirFacts.field(header, "Date"));
                boolean savedByClient = message.toString().contains("/.Sent/")
                        || message.toString().contains("/.Drafts/");
                if (!savedByClient) {
                    delivered++;
                    assertEquals(recipient, MaildirFacts.field(header, "Delivered-To"), message.toString());
                    assertNotNull(MaildirFacts.field(header, "Return-Path"), message.toString());
                    long received = header.lines()
                            .filter(l -> l.startsWith("Received: "))
                            .count();
                    assertTrue(received >= 3, message + " has " + received + " Received lines");
                    assertTrue(header.contains("for <" + recipient + ">"), "Received names the recipient");
                } else {
                    assertFalse(header.contains("Received:"), "a client's copy was never delivered: " + message);
                }
            }
        }
        assertTrue(delivered > spec.totalMessages() / 2);
    }

    @Test
    void aboutOneInEightPersonalMessagesCarriesADecodableBase64Attachment() throws IOException {
        int personal = 0;
        int withAttachment = 0;
        long largest = 0;
        for (Path message : MaildirFacts.messages(store)) {
            byte[] bytes = Files.readAllBytes(message);
            String header = MaildirFacts.header(bytes);
            if (MaildirFacts.field(header, "List-Id") != null) {
                continue;
            }
            personal++;
            String type = MaildirFacts.field(header, "Content-Type");
            if (!type.startsWith("multipart/mixed")) {
                continue;
            }
            withAttachment++;
            for (byte[] part : attachmentParts(bytes)) {
                largest = Math.max(largest, Base64.getMimeDecoder().decode(part).length);
            }
        }
        double share = (double) withAttachment / personal;
        assertTrue(share > 0.06 && share < 0.2, "attachment share " + share + " of " + personal);
        assertTrue(largest >= spec.attachmentMinBytes() && largest <= spec.attachmentMaxBytes(), "largest " + largest);
    }

    @Test
    void subscriptionsListEveryFolderInVersion2Format() throws IOException {
        for (Path mailbox : MaildirFacts.mailboxes(store)) {
            List<String> lines = Files.readAllLines(mailbox.resolve("subscriptions"), StandardCharsets.UTF_8);
            assertEquals(List.of("V\t2", ""), lines.subList(0, 2));
            List<String> expected = new ArrayList<>();
            for (Path folder : MaildirFacts.folders(mailbox).subList(1, spec.foldersPerMailbox() + 1)) {
                expected.add(folder.getFileName().toString().substring(1).replace('.', '\t'));
            }
            assertEquals(new HashSet<>(expected), new HashSet<>(lines.subList(2, lines.size())));
        }
    }

    /** The base64 bodies of a message's attachment parts. */
    static List<byte[]> attachmentParts(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        while ((at = text.indexOf("Content-Transfer-Encoding: base64\n\n", at)) >= 0) {
            int start = at + "Content-Transfer-Encoding: base64\n\n".length();
            int end = text.indexOf("\n--", start);
            parts.add(text.substring(start, end + 1).getBytes(StandardCharsets.US_ASCII));
            at = end;
        }
        return parts;
    }
}
