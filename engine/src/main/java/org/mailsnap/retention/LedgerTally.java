package org.mailsnap.retention;

/**
 * What a store's new deleted-mail ledger holds, as {@code forget --dry-run} shows it.
 *
 * @param entries  entries in the new ledger
 * @param added    of them, placements found gone in the snapshots this forget removes
 * @param carried  of them, entries of the current ledger still within the window
 * @param expired  entries of the current ledger that left their folder before the window: dropped
 * @param bytes    the messages' sizes added up (what the ledger keeps restorable)
 */
public record LedgerTally(long entries, long added, long carried, long expired, long bytes) {}
