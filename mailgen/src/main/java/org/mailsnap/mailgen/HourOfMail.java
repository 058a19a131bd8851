package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated hour over a scanned store, each operation done with the file system calls Dovecot uses.
 *
 * <p>Algorithm: (1) pick up every message waiting in {@code new/} (rename to {@code cur/<name>:2,}). (2) Shuffle the
 * messages that were in {@code cur/} at the start and take, in this order, the flag changes, keyword changes, moves,
 * copies and expunges from the shuffled sequence, so that no message is touched twice; a message unsuitable for an
 * operation (no other folder, keyword slots full, base already in the target) is passed over. (3) Deliver new mail
 * through {@code tmp/} into {@code new/}; a list post goes to every mailbox with that list's folder. (4) Bring each
 * changed folder's {@code dovecot-uidlist} up to date. Keywords files are saved before a name uses a new letter.
 */
final class HourOfMail {
    private static final String HOST = "mail";

    private final ChurnSpec spec;
    private final List<LiveMailbox> mailboxes;
    private final Prng rnd;
    private final MessageComposer composer;
    private final ByteSink sink = new ByteSink(64 << 10);

    private int flagChanges;
    private int keywordChanges;
    private int pickups;
    private int moves;
    private int copies;
    private int deliveries;
    private int expunges;
    private long deliveredBytes;

    /** A message in {@code cur/} at the start of the hour. */
    private record Candidate(LiveMailbox mailbox, LiveFolder folder, String name) {}

    HourOfMail(ChurnSpec spec, List<LiveMailbox> mailboxes) {
        this.spec = spec;
        this.mailboxes = mailboxes;
        this.rnd = Prng.derive(spec.seed(), Labels.CHURN);
        this.composer = new MessageComposer(spec.mix());
    }

    ChurnReport run() throws IOException {
        long total = 0;
        long newest = -1;
        List<Candidate> candidates = new ArrayList<>();
        for (LiveMailbox mailbox : mailboxes) {
            for (LiveFolder folder : mailbox.folders) {
                total += folder.messages();
                for (String name : folder.cur) {
                    candidates.add(new Candidate(mailbox, folder, name));
                }
                for (String base : folder.bases) {
                    newest = Math.max(newest, MaildirName.secondOf(base));
                }
            }
        }
        Instant hourStart = spec.start().orElse(Instant.ofEpochSecond(newest + 1));

        for (LiveMailbox mailbox : mailboxes) {
            for (LiveFolder folder : mailbox.folders) {
                pickUp(folder);
            }
        }
        Shuffle shuffle = new Shuffle(candidates.size(), rnd);
        changeFlags(shuffle, candidates, count(spec.flagChangeShare(), total));
        changeKeywords(shuffle, candidates, count(spec.keywordChangeShare(), total));
        link(shuffle, candidates, count(spec.moveShare(), total), true);
        link(shuffle, candidates, count(spec.copyShare(), total), false);
        expunge(shuffle, candidates, count(spec.expungeShare(), total));
        deliver(count(spec.deliveryShare(), total), hourStart.getEpochSecond());
        for (LiveMailbox mailbox : mailboxes) {
            for (LiveFolder folder : mailbox.folders) {
                folder.saveUidlist();
            }
        }
        return new ChurnReport(
                flagChanges, keywordChanges, pickups, moves, copies, deliveries, expunges, deliveredBytes, hourStart);
    }

    private static int count(double share, long total) {
        return (int) Math.round(share * total);
    }

    /** new/x → cur/x:2, — what Dovecot does when a client opens the folder. */
    private void pickUp(LiveFolder folder) throws IOException {
        for (String name : new ArrayList<>(folder.fresh)) {
            if (!rnd.chance(spec.pickupShare())) {
                continue;
            }
            String target = name.indexOf(':') >= 0 ? name : name + MaildirName.INFO_PREFIX;
            rename(
                    folder.dir.resolve("new").resolve(name),
                    folder.dir.resolve("cur").resolve(target));
            folder.fresh.remove(name);
            folder.cur.add(target);
            pickups++;
        }
    }

    private void changeFlags(Shuffle shuffle, List<Candidate> candidates, int wanted) throws IOException {
        for (int done = 0; done < wanted && shuffle.hasNext(); ) {
            Candidate c = candidates.get(shuffle.next());
            String flags = MaildirName.flagsOf(c.name);
            String changed = MaildirName.sorted(toggledSystemFlag(flags));
            renameInCur(c, changed);
            flagChanges++;
            done++;
        }
    }

    /** A typical client action: read an unread message; otherwise flag, answer, mark unread or delete-mark. */
    private String toggledSystemFlag(String flags) {
        if (flags.indexOf('S') < 0) {
            return flags + "S";
        }
        double draw = rnd.nextDouble();
        char flag = draw < 0.35 ? 'F' : draw < 0.6 ? 'R' : draw < 0.8 ? 'S' : draw < 0.9 ? 'T' : 'P';
        int at = flags.indexOf(flag);
        return at < 0 ? flags + flag : flags.substring(0, at) + flags.substring(at + 1);
    }

    private void changeKeywords(Shuffle shuffle, List<Candidate> candidates, int wanted) throws IOException {
        for (int done = 0; done < wanted && shuffle.hasNext(); ) {
            Candidate c = candidates.get(shuffle.next());
            String flags = MaildirName.flagsOf(c.name);
            List<Integer> letters = new ArrayList<>();
            for (int i = 0; i < flags.length(); i++) {
                if (MaildirName.isKeywordLetter(flags.charAt(i))) {
                    letters.add(i);
                }
            }
            String changed;
            if (!letters.isEmpty() && rnd.chance(0.4)) {
                int at = rnd.pick(letters);
                changed = flags.substring(0, at) + flags.substring(at + 1);
            } else {
                String keyword = Keywords.CATALOG[rnd.nextInt(Keywords.CATALOG.length)];
                char letter = c.folder.keywords.letterFor(keyword);
                c.folder.saveKeywordsIfChanged();
                if (letter == '\0' || flags.indexOf(letter) >= 0) {
                    continue;
                }
                changed = flags + letter;
            }
            renameInCur(c, MaildirName.sorted(changed));
            keywordChanges++;
            done++;
        }
    }

    /** A flag change: rename inside {@code cur/}, same base, same inode, mtime untouched. */
    private void renameInCur(Candidate c, String flags) throws IOException {
        String base = MaildirName.baseOf(c.name);
        String target = MaildirName.withFlags(base, flags);
        Path cur = c.folder.dir.resolve("cur");
        rename(cur.resolve(c.name), cur.resolve(target));
        c.folder.cur.set(c.folder.cur.indexOf(c.name), target);
    }

    /** IMAP MOVE (hard link then unlink) or COPY (hard link) into another folder, keeping the base. */
    private void link(Shuffle shuffle, List<Candidate> candidates, int wanted, boolean move) throws IOException {
        for (int done = 0; done < wanted && shuffle.hasNext(); ) {
            Candidate c = candidates.get(shuffle.next());
            List<LiveFolder> others = new ArrayList<>(c.mailbox.folders);
            others.remove(c.folder);
            String base = MaildirName.baseOf(c.name);
            others.removeIf(folder -> folder.bases.contains(base));
            if (others.isEmpty()) {
                continue;
            }
            LiveFolder target = rnd.pick(others);
            String flags = remapKeywords(MaildirName.flagsOf(c.name), c.folder, target);
            String targetName = MaildirName.withFlags(base, flags);
            Path source = c.folder.dir.resolve("cur").resolve(c.name);
            Files.createLink(target.dir.resolve("cur").resolve(targetName), source);
            target.cur.add(targetName);
            target.recordArrival(base);
            if (move) {
                Files.delete(source);
                c.folder.cur.remove(c.name);
                c.folder.recordExpunge(base);
                moves++;
            } else {
                copies++;
            }
            done++;
        }
    }

    /** Keyword letters mean names in the source folder; the target may number the same names differently. */
    private static String remapKeywords(String flags, LiveFolder source, LiveFolder target) throws IOException {
        StringBuilder mapped = new StringBuilder(flags.length());
        for (int i = 0; i < flags.length(); i++) {
            char letter = flags.charAt(i);
            if (!MaildirName.isKeywordLetter(letter)) {
                mapped.append(letter);
                continue;
            }
            String name = source.keywords.nameOf(letter);
            char targetLetter = name == null ? '\0' : target.keywords.letterFor(name);
            if (targetLetter != '\0') {
                mapped.append(targetLetter);
            }
        }
        target.saveKeywordsIfChanged();
        return mapped.toString();
    }

    private void expunge(Shuffle shuffle, List<Candidate> candidates, int wanted) throws IOException {
        for (int done = 0; done < wanted && shuffle.hasNext(); done++) {
            Candidate c = candidates.get(shuffle.next());
            Files.delete(c.folder.dir.resolve("cur").resolve(c.name));
            c.folder.cur.remove(c.name);
            c.folder.recordExpunge(MaildirName.baseOf(c.name));
            expunges++;
        }
    }

    /** Personal mail into INBOX (80%) or a list post into every mailbox that has the list's folder. */
    private void deliver(int wanted, long hourStart) throws IOException {
        for (int event = 0; deliveries < wanted; event++) {
            Prng content = Prng.derive(spec.seed(), Labels.DELIVERY, hourStart, event);
            LiveMailbox mailbox = mailboxes.get(content.nextInt(mailboxes.size()));
            long second = hourStart + content.nextInt(3600);
            List<LiveFolder> lists = new ArrayList<>();
            for (LiveFolder folder : mailbox.folders) {
                if (folder.isListFolder()) {
                    lists.add(folder);
                }
            }
            if (!lists.isEmpty() && content.chance(0.2)) {
                String directory = content.pick(lists).directory;
                String list = directory.substring(".Lists.".length());
                ListPost post = new ListPost(list, listHost(list), content.nextLong(), second);
                for (LiveMailbox subscriber : mailboxes) {
                    LiveFolder folder = subscriber.folder(directory);
                    if (folder != null && deliveries < wanted) {
                        sink.clear();
                        composer.listPost(sink, content, post, subscriber.owner, second + content.between(2, 90));
                        deliverSink(folder, second, content);
                    }
                }
            } else {
                sink.clear();
                Address from = Address.external(content);
                if (mailboxes.size() > 1 && content.chance(0.4)) {
                    from = mailboxes.get(content.nextInt(mailboxes.size())).owner;
                }
                Attachment attachment = content.chance(ContentMix.TYPICAL.attachmentShare())
                        ? Attachment.draw(content, ContentMix.TYPICAL)
                        : null;
                composer.incoming(
                        sink, content, from, mailbox.owner, second - content.between(1, 300), second, attachment);
                deliverSink(mailbox.folders.get(0), second, content);
            }
        }
    }

    /** Dovecot's delivery: write {@code tmp/<base>}, set its mtime, rename it into {@code new/}. */
    private void deliverSink(LiveFolder folder, long second, Prng content) throws IOException {
        long size = sink.length();
        String base;
        int microsecond;
        do {
            microsecond = content.nextInt(1_000_000);
            base = MaildirName.base(
                    second, microsecond, content.between(1_000, 65_000), HOST, size, size + sink.countNewlines());
        } while (folder.bases.contains(base));
        Path tmp = Files.createDirectories(folder.dir.resolve("tmp")).resolve(base);
        FileWriting.writeNew(tmp, sink, second * 1_000_000_000L + microsecond * 1_000L);
        rename(tmp, Files.createDirectories(folder.dir.resolve("new")).resolve(base));
        folder.fresh.add(base);
        folder.recordArrival(base);
        deliveries++;
        deliveredBytes += size;
    }

    private static String listHost(String list) {
        for (int i = 0; i < Vocabulary.LISTS.length; i += 2) {
            if (Vocabulary.LISTS[i].equals(list)) {
                return Vocabulary.LISTS[i + 1];
            }
        }
        return "lists.example.org";
    }

    /** rename(2); the target must not exist (a Maildir never overwrites a message). */
    private static void rename(Path from, Path to) throws IOException {
        if (Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(
                    to.toString(), from.toString(), "a message with this name already exists");
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An incremental Fisher–Yates shuffle of {@code 0..n-1}: draws only as many as are used. */
    private static final class Shuffle {
        private final int[] order;
        private final Prng rnd;
        private int drawn;

        Shuffle(int n, Prng rnd) {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            this.rnd = rnd;
        }

        boolean hasNext() {
            return drawn < order.length;
        }

        int next() {
            int j = drawn + rnd.nextInt(order.length - drawn);
            int value = order[j];
            order[j] = order[drawn];
            order[drawn++] = value;
            return value;
        }
    }
}
