package org.mailsnap.repository;

import java.time.Duration;
import java.time.Instant;
import org.mailsnap.model.ObjectId;

/**
 * A lock object as the operator sees it.
 *
 * @param id        the object's id under {@code locks/}
 * @param exclusive exclusive (prune, repair) or shared (backup)
 * @param host      holder's host name
 * @param pid       holder's process id
 * @param created   when the lock was first taken
 * @param refreshed when it was last refreshed
 * @param stale     not refreshed within the stale age: ignored, and may be removed
 * @param problem   empty, or why the lock object could not be read (then the other fields are empty)
 */
public record LockInfo(
        ObjectId id,
        boolean exclusive,
        String host,
        long pid,
        Instant created,
        Instant refreshed,
        boolean stale,
        String problem) {

    /** {@code "exclusive lock by root@mx1 pid 4242, taken 12 min ago, refreshed 2 min ago"}. */
    public String describe(Instant now) {
        if (!problem.isEmpty()) {
            return "unreadable lock " + id + ": " + problem;
        }
        return (exclusive ? "exclusive" : "shared") + " lock by " + host + " pid " + pid + ", taken "
                + age(created, now) + " ago, refreshed " + age(refreshed, now) + " ago" + (stale ? " (stale)" : "");
    }

    private static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "0 s (clock ahead)";
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
