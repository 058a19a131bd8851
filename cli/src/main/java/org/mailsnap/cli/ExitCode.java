package org.mailsnap.cli;

/** What `mailsnap` returns, for scripts and monitoring. Listed in `--help`. */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "failure; for check: damage found"),
    USAGE(2, "wrong usage"),
    PARTIAL(
            3,
            "partial: some mailboxes, folders or files could not be processed (or a backup saw far fewer"
                    + " messages than the last one), the rest was; see the warnings (catalog rebuild: a damaged snapshot was"
                    + " skipped; repair: snapshots remain incomplete; stats: a damaged snapshot was left out)"),
    BUSY(4, "another mailsnap run is using this catalog (and so this repository): try again after it ends"),
    NO_REPOSITORY(10, "no repository at the given location"),
    LOCKED(11, "the repository is locked by another process"),
    WRONG_PASSWORD(12, "wrong password (or a damaged key file: the two look alike; the key files tried are named)"),
    INTERRUPTED(130, "interrupted");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The table printed at the end of `--help`. */
    static String table() {
        StringBuilder sb = new StringBuilder("%nExit codes:%n");
        for (ExitCode c : values()) {
            sb.append(String.format("  %3d  %s%%n", c.code, c.meaning));
        }
        return sb.toString();
    }
}
