package org.mailsnap.mailgen;

/** Names of the independent random streams derived from a seed (see {@link Prng#derive}). Never renumber. */
final class Labels {
    static final long MAILBOX = 1;
    static final long SUBSCRIPTION = 2;
    static final long LIST_PICK = 3;
    static final long LIST_POST = 4;
    static final long SHARED_ATTACHMENT = 5;
    static final long CHURN = 6;
    static final long DELIVERY = 7;

    private Labels() {}
}
