package org.mailsnap.maildir;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mailbox as one capture saw it.
 *
 * @param mailbox             the mailbox name
 * @param folders             every folder still present, sorted by key
 * @param mailboxControlFiles the mailbox-level control files of the root ({@code subscriptions},
 *                            {@code dovecot-uidvalidity*}), read under the lock; empty when nothing was listed
 * @param lockHoldNanos       from taking the first lock to releasing the last (0 when no lock was needed)
 * @param problems            what went wrong for single folders
 */
public record CapturedMailbox(
        String mailbox,
        List<CapturedFolder> folders,
        Map<String, byte[]> mailboxControlFiles,
        long lockHoldNanos,
        List<CaptureProblem> problems) {
    public CapturedMailbox {
        folders = List.copyOf(folders);
        mailboxControlFiles = Collections.unmodifiableMap(new TreeMap<>(mailboxControlFiles));
        problems = List.copyOf(problems);
    }
}
