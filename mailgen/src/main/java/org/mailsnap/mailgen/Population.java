package org.mailsnap.mailgen;

/**
 * The store-wide cast that mailboxes share, computed once from the spec before any mailbox is written: who owns
 * which mailbox, who subscribes to which list and how many of its posts each subscriber keeps, the pool of posts
 * per list and of forwarded attachments. Because a list post and a shared attachment are functions of the seed and
 * their number only, every mailbox writer can produce them independently and still get identical bytes.
 */
final class Population {
    private static final String[] DOMAINS = {"example.org", "example.de", "example.fr", "team.example.org"};
    private static final double SUBSCRIBE_PROBABILITY = 0.6;
    /** Each subscriber keeps about this share of a list's posts (the rest it deleted or never got). */
    private static final double KEPT_POSTS = 0.8;
    /** A forwarded attachment turns up in about this many messages. */
    private static final int SHARED_ATTACHMENT_COPIES = 3;

    final StoreSpec spec;
    final long windowStart;
    final long windowEnd;
    private final Address[] owners;
    private final int[][] listMessages;
    private final int[] listPool;
    private final int sharedAttachments;

    Population(StoreSpec spec) {
        this.spec = spec;
        windowEnd = spec.end().getEpochSecond();
        windowStart = windowEnd - spec.historyDays() * 86_400L;
        owners = new Address[spec.mailboxes()];
        for (int m = 0; m < owners.length; m++) {
            owners[m] = Address.ofMailbox(domain(m), user(m));
        }
        listMessages = new int[spec.mailboxes()][spec.lists()];
        listPool = new int[spec.lists()];
        if (spec.lists() > 0 && spec.listShare() > 0) {
            int perMailbox = (int) Math.round(spec.listShare() * spec.messagesPerMailbox());
            for (int m = 0; m < owners.length; m++) {
                boolean[] subscribed = subscriptions(m);
                int count = 0;
                for (boolean s : subscribed) {
                    count += s ? 1 : 0;
                }
                int seen = 0;
                for (int l = 0; l < spec.lists(); l++) {
                    if (subscribed[l]) {
                        listMessages[m][l] = perMailbox / count + (seen++ < perMailbox % count ? 1 : 0);
                        listPool[l] = Math.max(listPool[l], listMessages[m][l]);
                    }
                }
            }
            for (int l = 0; l < listPool.length; l++) {
                listPool[l] = Math.max(1, (int) Math.ceil(listPool[l] / KEPT_POSTS));
            }
        }
        double personal = spec.totalMessages() * (1 - spec.listShare());
        sharedAttachments = (int) Math.max(
                1,
                Math.round(
                        personal * spec.attachmentShare() * spec.sharedAttachmentShare() / SHARED_ATTACHMENT_COPIES));
    }

    private boolean[] subscriptions(int mailbox) {
        boolean[] subscribed = new boolean[spec.lists()];
        boolean any = false;
        for (int l = 0; l < subscribed.length; l++) {
            subscribed[l] =
                    Prng.derive(spec.seed(), Labels.SUBSCRIPTION, mailbox, l).chance(SUBSCRIBE_PROBABILITY);
            any |= subscribed[l];
        }
        if (!any) {
            subscribed[mailbox % subscribed.length] = true;
        }
        return subscribed;
    }

    int mailboxes() {
        return owners.length;
    }

    Address owner(int mailbox) {
        return owners[mailbox];
    }

    String domain(int mailbox) {
        int d = mailbox % spec.domains();
        return d < DOMAINS.length ? DOMAINS[d] : "d" + d + ".example.org";
    }

    /** {@code anna.meyer}, {@code ben.meyer}, …; a numeric suffix once all name pairs are used. */
    String user(int mailbox) {
        int firsts = Vocabulary.FIRST_NAMES.length;
        int lasts = Vocabulary.LAST_NAMES.length;
        String user =
                Vocabulary.FIRST_NAMES[mailbox % firsts] + "." + Vocabulary.LAST_NAMES[(mailbox / firsts) % lasts];
        int round = mailbox / (firsts * lasts);
        return round == 0 ? user : user + round;
    }

    /** How many posts of list {@code list} mailbox {@code mailbox} holds (0 when not subscribed). */
    int listMessages(int mailbox, int list) {
        return listMessages[mailbox][list];
    }

    int listPool(int list) {
        return listPool[list];
    }

    static String listName(int list) {
        return Vocabulary.LISTS[2 * list];
    }

    static String listHost(int list) {
        return Vocabulary.LISTS[2 * list + 1];
    }

    /** Post {@code index} of list {@code list}; posts are spread evenly over the history window. */
    ListPost post(int list, int index) {
        Prng rnd = Prng.derive(spec.seed(), Labels.LIST_POST, list, index);
        long window = windowEnd - windowStart;
        long sent = windowStart + (long) ((index + rnd.nextDouble()) * window / listPool[list]);
        return new ListPost(listName(list), listHost(list), rnd.nextLong(), sent);
    }

    int sharedAttachments() {
        return sharedAttachments;
    }

    Attachment sharedAttachment(int index) {
        return Attachment.shared(spec.seed(), index, spec.mix());
    }
}
