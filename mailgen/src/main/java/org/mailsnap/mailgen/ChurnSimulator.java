package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Simulates one hour of mail activity on a Maildir++ store, with exactly the file operations Dovecot performs:
 * <ul>
 *   <li>flag or keyword change: rename inside {@code cur/} (same base, new {@code :2,} flags, mtime unchanged);
 *       a new keyword is first added to the folder's {@code dovecot-keywords};</li>
 *   <li>new→cur pickup: rename {@code new/x} to {@code cur/x:2,};</li>
 *   <li>move: hard link into the target folder's {@code cur/} with the same base, then unlink the source; the
 *       target's uidlist gets a record appended, the source's loses it;</li>
 *   <li>copy: the same hard link, the source stays;</li>
 *   <li>expunge: unlink, and the record leaves the uidlist;</li>
 *   <li>delivery: write to {@code tmp/}, rename into {@code new/} under a new Dovecot-style base, append a record.</li>
 * </ul>
 * <pre>{@code
 * ChurnReport report = new ChurnSimulator(ChurnSpec.defaults().withSeed(hour)).simulateHour(store);
 * }</pre>
 * The result is a function of the spec and the store's contents; successive hours need different seeds to differ
 * in their renames. Refuses to start (changing nothing) when a folder's {@code dovecot-uidlist.lock} exists.
 */
public final class ChurnSimulator {
    private final ChurnSpec spec;

    public ChurnSimulator(ChurnSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public ChurnSpec spec() {
        return spec;
    }

    /**
     * Performs one hour of activity on {@code store}: a store root ({@code <domain>/<user>} or {@code <user>}
     * mailboxes below it) or one mailbox.
     *
     * @throws IOException when the store cannot be read, a folder is locked, or a file operation fails
     */
    public ChurnReport simulateHour(Path store) throws IOException {
        return new HourOfMail(spec, LiveMailbox.scan(store)).run();
    }
}
