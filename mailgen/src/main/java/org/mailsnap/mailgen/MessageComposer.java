package org.mailsnap.mailgen;

/**
 * Composes RFC 5322 messages the way they look on a Dovecot server: delivered mail starts with Return-Path,
 * Delivered-To and a chain of Received lines that name the recipient, then the author's header and a body; mail
 * saved by a client (Sent, Drafts) has no delivery headers. Bodies are plain text or multipart/mixed with one base64
 * attachment. All randomness comes from the {@link Prng} passed in, except attachment bytes (from the attachment's
 * seed) and list posts (from the post's seed), which is what makes forwarded attachments and list mail identical
 * across mailboxes.
 */
final class MessageComposer {
    private final ContentMix mix;

    MessageComposer(ContentMix mix) {
        this.mix = mix;
    }

    /** Mail from {@code from} delivered into {@code to}'s mailbox; {@code attachment} may be null. */
    void incoming(
            ByteSink out,
            Prng rnd,
            Address from,
            Address to,
            long sentSecond,
            long deliveredSecond,
            Attachment attachment) {
        out.ascii("Return-Path: <").ascii(from.email()).line(">");
        deliveryChain(out, rnd, from.email(), to, deliveredSecond, "mx." + from.domain());
        String client = ip(rnd);
        out.ascii("Received: from [")
                .ascii(client)
                .ascii("] (unknown [")
                .ascii(client)
                .line("])");
        out.ascii("\tby mx.")
                .ascii(from.domain())
                .ascii(" (Postfix) with ESMTPSA id ")
                .line(queueId(rnd));
        out.ascii("\tfor <").ascii(to.email()).ascii(">; ").line(MailDate.format(sentSecond, 0));
        authorPart(out, rnd, from, to, sentSecond, attachment, false);
    }

    /** Mail written by {@code from} and saved by the client (Sent or Drafts). */
    void outgoing(ByteSink out, Prng rnd, Address from, Address to, long sentSecond, Attachment attachment) {
        authorPart(out, rnd, from, to, sentSecond, attachment, true);
    }

    /** {@code to}'s copy of a list post: per-recipient delivery headers, then the post's common header and body. */
    void listPost(ByteSink out, Prng rnd, ListPost post, Address to, long deliveredSecond) {
        Prng common = new Prng(post.seed());
        Address author = Address.external(common);
        String subject = "[" + post.list() + "] " + subject(common, false);
        String messageId = messageId(common, author.domain());
        int offset = MailDate.SENDER_OFFSETS[common.nextInt(MailDate.SENDER_OFFSETS.length)];
        String listQueueId = queueId(common);

        out.ascii("Return-Path: <")
                .ascii(post.list())
                .ascii("-bounces+")
                .ascii(to.local())
                .ascii("=")
                .ascii(to.domain())
                .ascii("@")
                .ascii(post.host())
                .line(">");
        deliveryChain(out, rnd, post.list() + "-bounces@" + post.host(), to, deliveredSecond, post.host());
        out.ascii("Received: from mx.")
                .ascii(author.domain())
                .ascii(" (mx.")
                .ascii(author.domain())
                .ascii(" [")
                .ascii(ip(common))
                .line("])");
        out.ascii("\tby ")
                .ascii(post.host())
                .ascii(" (Postfix) with ESMTPS id ")
                .line(listQueueId);
        out.ascii("\tfor <").ascii(post.address()).ascii(">; ").line(MailDate.format(post.sentSecond() + 1, 0));
        out.ascii("From: ").line(author.mailbox());
        out.ascii("To: ").line(post.address());
        out.ascii("Subject: ").line(subject);
        out.ascii("Date: ").line(MailDate.format(post.sentSecond(), offset));
        out.ascii("Message-ID: ").line(messageId);
        out.ascii("List-Id: <").ascii(post.list()).ascii(".").ascii(post.host()).line(">");
        out.ascii("List-Unsubscribe: <mailto:")
                .ascii(post.list())
                .ascii("-leave@")
                .ascii(post.host())
                .line(">");
        out.ascii("List-Post: <mailto:").ascii(post.address()).line(">");
        out.line("Precedence: list");
        out.ascii("Sender: \"")
                .ascii(post.list())
                .ascii("\" <")
                .ascii(post.list())
                .ascii("-bounces@")
                .ascii(post.host())
                .line(">");
        out.line("MIME-Version: 1.0");
        out.line("Content-Type: text/plain; charset=UTF-8; format=flowed");
        out.line("Content-Transfer-Encoding: 8bit");
        out.newline();
        TextWriter.paragraphs(out, common, mix.textSize(common.nextDouble()));
        out.line("_______________________________________________");
        out.ascii(post.list()).line(" mailing list");
        out.line(post.address());
        out.ascii("https://").ascii(post.host()).ascii("/mailman/listinfo/").line(post.list());
    }

    /** The LMTP hop into Dovecot and the MX hop before it; both name the recipient, so they differ per copy. */
    private void deliveryChain(
            ByteSink out, Prng rnd, String envelopeFrom, Address to, long deliveredSecond, String previousHop) {
        out.ascii("Delivered-To: ").line(to.email());
        out.ascii("Received: from mail.").ascii(to.domain()).newline();
        out.ascii("\tby mail.").ascii(to.domain()).line(" with LMTP");
        out.ascii("\tid ").line(lmtpId(rnd));
        out.ascii("\t(envelope-from <").ascii(envelopeFrom).line(">)");
        out.ascii("\tfor <").ascii(to.email()).ascii(">; ").line(MailDate.format(deliveredSecond, 0));
        out.ascii("Received: from ")
                .ascii(previousHop)
                .ascii(" (")
                .ascii(previousHop)
                .ascii(" [")
                .ascii(ip(rnd))
                .line("])");
        out.ascii("\tby mx.")
                .ascii(to.domain())
                .ascii(" (Postfix) with ESMTPS id ")
                .line(queueId(rnd));
        out.ascii("\tfor <").ascii(to.email()).ascii(">; ").line(MailDate.format(deliveredSecond - 1, 0));
    }

    private void authorPart(
            ByteSink out,
            Prng rnd,
            Address from,
            Address to,
            long sentSecond,
            Attachment attachment,
            boolean savedByClient) {
        out.ascii("From: ").line(from.mailbox());
        out.ascii("To: ").line(to.mailbox());
        if (rnd.chance(0.15)) {
            out.ascii("Cc: ").line(Address.external(rnd).mailbox());
        }
        String subject = subject(rnd, attachment != null);
        out.ascii("Subject: ").line(subject);
        out.ascii("Date: ")
                .line(MailDate.format(
                        sentSecond, MailDate.SENDER_OFFSETS[rnd.nextInt(MailDate.SENDER_OFFSETS.length)]));
        out.ascii("Message-ID: ").line(messageId(rnd, from.domain()));
        if (subject.startsWith("Re:") || subject.startsWith("AW:")) {
            String parent = messageId(rnd, to.domain());
            out.ascii("In-Reply-To: ").line(parent);
            out.ascii("References: ").line(parent);
        }
        if (savedByClient) {
            out.line("User-Agent: Mozilla Thunderbird");
        }
        out.line("MIME-Version: 1.0");
        if (attachment == null) {
            out.line("Content-Type: text/plain; charset=UTF-8; format=flowed");
            out.line("Content-Transfer-Encoding: 8bit");
            out.newline();
            letter(out, rnd, from, to);
            return;
        }
        String boundary = "------------"
                + Long.toHexString(rnd.nextLong() | Long.MIN_VALUE).toUpperCase(java.util.Locale.ROOT);
        out.ascii("Content-Type: multipart/mixed; boundary=\"").ascii(boundary).line("\"");
        out.newline();
        out.line("This is a multi-part message in MIME format.");
        out.ascii("--").line(boundary);
        out.line("Content-Type: text/plain; charset=UTF-8; format=flowed");
        out.line("Content-Transfer-Encoding: 8bit");
        out.newline();
        letter(out, rnd, from, to);
        out.newline();
        out.ascii("--").line(boundary);
        attachmentPart(out, attachment);
        out.ascii("--").ascii(boundary).line("--");
    }

    /** The attachment's part header and base64 body; identical bytes wherever the same attachment is sent. */
    static void attachmentPart(ByteSink out, Attachment attachment) {
        out.ascii("Content-Type: ")
                .ascii(attachment.mimeType())
                .ascii("; name=\"")
                .ascii(attachment.fileName())
                .line("\"");
        out.ascii("Content-Disposition: attachment; filename=\"")
                .ascii(attachment.fileName())
                .line("\"");
        out.line("Content-Transfer-Encoding: base64");
        out.newline();
        Base64Noise.write(out, new Prng(attachment.seed()), attachment.rawBytes());
    }

    private void letter(ByteSink out, Prng rnd, Address from, Address to) {
        out.ascii("Hello ").ascii(to.displayName().split(" ")[0]).line(",");
        out.newline();
        TextWriter.paragraphs(out, rnd, mix.textSize(rnd.nextDouble()));
        out.newline();
        out.line("-- ");
        out.line(from.displayName());
    }

    private static String subject(Prng rnd, boolean forwarding) {
        if (rnd.nextInt(30) == 0) {
            return rnd.pick(Vocabulary.SUBJECT_ENCODED);
        }
        String phrase = TextWriter.phrase(rnd, rnd.between(2, 7));
        if (forwarding && rnd.chance(0.5)) {
            return "Fwd: " + phrase;
        }
        String opener = rnd.pick(Vocabulary.SUBJECT_OPENERS);
        if (opener.contains("%d")) {
            opener = String.format(java.util.Locale.ROOT, opener, rnd.between(1000, 99999));
        }
        return opener.isEmpty() ? phrase : opener + " " + phrase;
    }

    private static String messageId(Prng rnd, String domain) {
        return "<" + Long.toHexString(rnd.nextLong() >>> 4) + "." + Long.toHexString(rnd.nextLong() >>> 36) + "@"
                + domain + ">";
    }

    private static String ip(Prng rnd) {
        String[] prefixes = {"192.0.2.", "198.51.100.", "203.0.113."};
        return rnd.pick(prefixes) + rnd.between(1, 254);
    }

    private static String queueId(Prng rnd) {
        return Long.toString(rnd.nextLong() >>> 8, 36).toUpperCase(java.util.Locale.ROOT);
    }

    private static String lmtpId(Prng rnd) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(rnd.nextInt(64)));
        }
        return id.toString();
    }
}
