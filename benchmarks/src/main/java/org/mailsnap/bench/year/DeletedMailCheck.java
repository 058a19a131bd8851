package org.mailsnap.bench.year;

import java.util.List;

/**
 * What {@link YearSimulation#verifyDeletedMessagesRestorable()} found: of the messages expunged within the
 * {@code --keep-deleted-within} window, how many a kept snapshot still holds and how many only the deleted-mail
 * ledger can give back; of those expunged before it (which prune may have collected), how many were not checked.
 *
 * @param fromLedger the messages restored from the ledger and compared; those that did not come back as the store
 *                   held them are among {@code problems}
 * @param problems   one line per message in the window that did not come back as the store held it
 */
public record DeletedMailCheck(
        int inWindow, int inKeptSnapshots, int fromLedger, int beforeWindow, List<String> problems) {
    public static final DeletedMailCheck OFF = new DeletedMailCheck(0, 0, 0, 0, List.of());

    @Override
    public String toString() {
        return inWindow + " messages expunged within the window: " + inKeptSnapshots + " held by a kept snapshot, "
                + fromLedger + " only in the deleted-mail ledger, restored and compared (content and folder); "
                + beforeWindow + " expunged before it, not checked; " + problems.size() + " problems";
    }
}
