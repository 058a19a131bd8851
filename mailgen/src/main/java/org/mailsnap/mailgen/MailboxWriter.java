package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one planned mailbox under {@code <store>/<domain>/<user>}: per folder its {@code cur/ new/ tmp/}, the
 * message files with Dovecot names and mtimes, {@code dovecot-uidlist}, {@code dovecot-keywords} when keywords are
 * used, {@code maildirfolder} (never in the root); {@code subscriptions} at the root. Control files and directories
 * get the mtime of the newest message they describe, so the whole tree is reproducible.
 */
final class MailboxWriter {
    private static final byte[] SUBSCRIPTIONS_HEADER = "V\t2\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Population population;
    private final MessageComposer composer;
    private final ByteSink sink = new ByteSink(64 << 10);

    MailboxWriter(Population population) {
        this.population = population;
        this.composer = new MessageComposer(population.spec.mix());
    }

    /** Counts of what one mailbox holds. */
    record Written(int folders, long messages, long bytes, long files) {}

    Written write(Path store, int mailbox) throws IOException {
        List<FolderPlan> folders = new MailboxPlanner(population).plan(mailbox);
        Path root = store.resolve(population.domain(mailbox)).resolve(population.user(mailbox));
        Files.createDirectories(root);
        long messages = 0;
        long bytes = 0;
        long files = 1;
        long newest = folders.get(0).uidValidity * 1_000_000_000L;
        StringBuilder subscriptions = new StringBuilder();
        for (FolderPlan folder : folders) {
            Path dir = folder.isInbox() ? root : root.resolve(folder.directory);
            long[] written = writeFolder(dir, folder, mailbox);
            messages += folder.messages.size();
            bytes += written[0];
            files += folder.messages.size() + written[1];
            newest = Math.max(newest, written[2]);
            if (!folder.isInbox()) {
                subscriptions.append(folder.imapName().replace('.', '\t')).append('\n');
            }
        }
        ByteSink content = new ByteSink(256).put(SUBSCRIPTIONS_HEADER).utf8(subscriptions.toString());
        FileWriting.writeNew(
                root.resolve("subscriptions"), content, (folders.get(0).uidValidity + 60) * 1_000_000_000L);
        FileWriting.setMtime(root, newest);
        return new Written(folders.size(), messages, bytes, files);
    }

    /** Returns {message bytes, control files written, newest mtime in nanos}. */
    private long[] writeFolder(Path dir, FolderPlan folder, int mailbox) throws IOException {
        Path cur = Files.createDirectories(dir.resolve("cur"));
        Path fresh = Files.createDirectories(dir.resolve("new"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        UidlistWriter uidlist = UidlistWriter.create(folder.uidValidity, folder.nextUid, folder.guid);
        Keywords keywords = new Keywords();
        long bytes = 0;
        long newest = folder.uidValidity * 1_000_000_000L;
        String host = population.spec.host();
        for (PlannedMessage message : folder.messages) {
            sink.clear();
            compose(message, mailbox);
            long size = sink.length();
            String base = MaildirName.base(
                    message.second, message.microsecond, message.pid, host, size, size + sink.countNewlines());
            Path file = message.inNew
                    ? fresh.resolve(base)
                    : cur.resolve(MaildirName.withFlags(base, message.systemFlags + letters(message, keywords)));
            FileWriting.writeNew(file, sink, message.mtimeNanos());
            uidlist.add(message.uid, base);
            bytes += size;
            newest = Math.max(newest, message.mtimeNanos());
        }
        long controlFiles = 1;
        FileWriting.writeNew(dir.resolve(UidlistWriter.FILE), uidlist.fileContent(), newest);
        if (!keywords.isEmpty()) {
            FileWriting.writeNew(dir.resolve(Keywords.FILE), keywords.fileContent(), newest);
            controlFiles++;
        }
        if (!folder.isInbox()) {
            FileWriting.writeNew(dir.resolve("maildirfolder"), new byte[0], folder.uidValidity * 1_000_000_000L);
            controlFiles++;
        }
        for (Path d : new Path[] {cur, fresh, tmp}) {
            FileWriting.setMtime(d, newest);
        }
        if (!folder.isInbox()) {
            FileWriting.setMtime(dir, newest);
        }
        return new long[] {bytes, controlFiles, newest};
    }

    private void compose(PlannedMessage message, int mailbox) {
        Prng rnd = new Prng(message.contentSeed);
        Address owner = population.owner(mailbox);
        if (message.kind == PlannedMessage.Kind.LIST_POST) {
            composer.listPost(sink, rnd, message.post, owner, message.second);
            return;
        }
        Address other = message.correspondent >= 0 ? population.owner(message.correspondent) : Address.external(rnd);
        Attachment attachment = message.attachment == PlannedMessage.NO_ATTACHMENT
                ? null
                : message.attachment == PlannedMessage.UNIQUE_ATTACHMENT
                        ? Attachment.draw(rnd, population.spec.mix())
                        : population.sharedAttachment(message.attachment);
        if (message.kind == PlannedMessage.Kind.INCOMING) {
            composer.incoming(
                    sink, rnd, other, owner, message.second - rnd.between(1, 300), message.second, attachment);
        } else {
            composer.outgoing(sink, rnd, owner, other, message.second, attachment);
        }
    }

    /** Keyword letters for the message's keywords, defining them in the folder's keywords in order of first use. */
    private static String letters(PlannedMessage message, Keywords keywords) {
        if (message.keywordMask == 0) {
            return "";
        }
        StringBuilder letters = new StringBuilder(2);
        for (int i = 0; i < Keywords.CATALOG.length; i++) {
            if ((message.keywordMask & (1 << i)) != 0) {
                letters.append(keywords.letterFor(Keywords.CATALOG[i]));
            }
        }
        return letters.toString();
    }
}
