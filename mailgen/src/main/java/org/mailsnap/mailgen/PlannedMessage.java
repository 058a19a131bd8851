package org.mailsnap.mailgen;

/** One message of a mailbox plan: where it goes, when it arrived, what it is; its bytes come from the seeds. */
final class PlannedMessage {
    enum Kind {
        INCOMING,
        SENT,
        DRAFT,
        LIST_POST
    }

    final Kind kind;
    final long contentSeed;
    /** Index of the correspondent's mailbox in the store, or -1 for someone outside. */
    final int correspondent;

    final ListPost post;
    /** Index into the shared attachment pool, -1 for a unique attachment, -2 for none. */
    final int attachment;

    int folder;
    long second;
    int microsecond;
    int pid;
    long uid;
    boolean inNew;
    String systemFlags = "";
    int keywordMask;

    static final int NO_ATTACHMENT = -2;
    static final int UNIQUE_ATTACHMENT = -1;

    PlannedMessage(Kind kind, long contentSeed, int correspondent, ListPost post, int attachment) {
        this.kind = kind;
        this.contentSeed = contentSeed;
        this.correspondent = correspondent;
        this.post = post;
        this.attachment = attachment;
    }

    /** File mtime: deliveries keep sub-second precision, client APPENDs carry whole-second INTERNALDATEs. */
    long mtimeNanos() {
        long nanos = second * 1_000_000_000L;
        return kind == Kind.SENT || kind == Kind.DRAFT ? nanos : nanos + microsecond * 1_000L;
    }
}
