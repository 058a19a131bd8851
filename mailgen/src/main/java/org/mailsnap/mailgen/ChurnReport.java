package org.mailsnap.mailgen;

import java.time.Instant;

/**
 * What one simulated hour did. Every operation touched a different message; deliveries and pickups touched
 * messages no other operation did.
 *
 * @param flagChanges    renames inside {@code cur/} changing system flags
 * @param keywordChanges renames inside {@code cur/} changing keyword letters
 * @param pickups        renames from {@code new/x} to {@code cur/x:2,}
 * @param moves          hard links into another folder of the same mailbox (same base), then unlinking the source
 * @param copies         hard links into another folder, source kept
 * @param deliveries     new messages written to {@code tmp/} and renamed into {@code new/}
 * @param expunges       unlinked messages
 * @param deliveredBytes total size of the delivered messages
 * @param hourStart      the simulated start of the hour; deliveries are stamped within the hour after it
 */
public record ChurnReport(
        int flagChanges,
        int keywordChanges,
        int pickups,
        int moves,
        int copies,
        int deliveries,
        int expunges,
        long deliveredBytes,
        Instant hourStart) {

    /** Operations of all kinds. */
    public int total() {
        return flagChanges + keywordChanges + pickups + moves + copies + deliveries + expunges;
    }

    @Override
    public String toString() {
        return "hour from " + hourStart + ": " + flagChanges + " flag changes, " + keywordChanges
                + " keyword changes, " + pickups + " new->cur pickups, " + moves + " moves, " + copies + " copies, "
                + deliveries + " deliveries (" + deliveredBytes + " bytes), " + expunges + " expunges";
    }
}
