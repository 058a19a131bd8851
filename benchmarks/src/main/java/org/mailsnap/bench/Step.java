package org.mailsnap.bench;

/** The steps of a scenario, in the order they run; every tool runs each step on the same store state. */
enum Step {
    INITIAL("initial", "Initial backup", true),
    NO_CHANGE("no-change", "No-change run", false),
    CHURN("churn-hour", "Run after one hour of churn", false),
    RENAMES("renames-hour", "An hour of renames only (flags, moves, new→cur)", false),
    HOURLY("hourly", "Hourly runs with churn", false),
    RESTORE("restore", "Point-in-time restore of one mailbox (as of the initial backup)", true),
    RESTORE_STORE("restore-store", "Point-in-time restore of the whole store (as of the initial backup)", true);

    private final String label;
    private final String title;
    private final boolean throughputMeaningful;

    Step(String label, String title, boolean throughputMeaningful) {
        this.label = label;
        this.title = title;
        this.throughputMeaningful = throughputMeaningful;
    }

    /** A short name for logs, archive names and raw.json. */
    String label() {
        return label;
    }

    String title() {
        return title;
    }

    /** Whether the step restores (and so has no repository size or growth) rather than backs up. */
    boolean restores() {
        return this == RESTORE || this == RESTORE_STORE;
    }

    /** Whether MB/s (data bytes over seconds) says something: reading the whole store, or restoring a mailbox. */
    boolean throughputMeaningful() {
        return throughputMeaningful;
    }
}
