package org.mailsnap.mailgen;

/** A mail address with a display name; {@code local@domain} is what envelopes and Delivered-To carry. */
record Address(String displayName, String local, String domain) {

    String email() {
        return local + "@" + domain;
    }

    /** The header form, {@code Anna Meyer <anna.meyer@example.org>}. */
    String mailbox() {
        return displayName + " <" + email() + ">";
    }

    /** A person outside the store, chosen by {@code rnd}. */
    static Address external(Prng rnd) {
        String first = rnd.pick(Vocabulary.FIRST_NAMES);
        String last = rnd.pick(Vocabulary.LAST_NAMES);
        return new Address(
                capitalise(first) + " " + capitalise(last), first + "." + last, rnd.pick(Vocabulary.EXTERNAL_DOMAINS));
    }

    /** The owner of a mailbox directory {@code <domain>/<user>}; a user {@code anna.meyer} is "Anna Meyer". */
    static Address ofMailbox(String domain, String user) {
        StringBuilder name = new StringBuilder();
        for (String part : user.split("[._-]")) {
            if (!part.isEmpty() && !Character.isDigit(part.charAt(0))) {
                if (name.length() > 0) {
                    name.append(' ');
                }
                name.append(capitalise(part));
            }
        }
        return new Address(name.length() == 0 ? user : name.toString(), user, domain);
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
