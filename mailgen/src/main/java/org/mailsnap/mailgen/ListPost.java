package org.mailsnap.mailgen;

/**
 * One post to a mailing list. Everything a subscriber's copy has in common (author, subject, Message-ID, body) is
 * drawn from {@code seed}; only the delivery headers differ from subscriber to subscriber.
 */
record ListPost(String list, String host, long seed, long sentSecond) {

    String address() {
        return list + "@" + host;
    }
}
