package org.mailsnap.cli;

import java.util.Optional;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.snapshot.SnapshotStats;

/** The backup's figures for {@code --metrics-file}: from its progress counters, then from its result if it has one. */
final class BackupMetrics {
    private BackupMetrics() {}

    /** Whether the run had to rebuild an outdated catalog first, and how long that took (0 when it did not). */
    static void catalogRebuilt(RunMetrics m, Optional<CatalogRebuilt> rebuilt) {
        m.gauge(
                "catalog_rebuilt",
                "1 if the last run rebuilt an outdated local catalog (an upgrade, a stopped rebuild) first, else 0.",
                rebuilt.isPresent() ? 1 : 0);
        m.gauge(
                "catalog_rebuild_seconds",
                "Time the last run spent rebuilding the local catalog first (0 when it did not).",
                rebuilt.map(r -> r.result().durationNanos() / 1e9).orElse(0.0));
    }

    static void progress(RunMetrics m, BackupProgress p) {
        m.gauge(
                "messages_new",
                "Messages read from the store (new to the repository) by the last run.",
                p.messagesRead.get());
        m.gauge("bytes_read", "Bytes of new messages read from the store by the last run.", p.bytesRead.get());
        m.gauge("messages_renamed", "Known messages whose flags or file name changed (no read).", p.renamed.get());
        m.gauge("messages_moved_in", "Known messages that appeared in another folder (no read).", p.movedIn.get());
        m.gauge("messages_expunged", "Messages of the previous snapshot that are gone.", p.gone.get());
        m.gauge("folders_listed", "Folders listed because their directories changed.", p.foldersListed.get());
        m.gauge("mailboxes_done", "Mailboxes captured by the last run.", p.mailboxes.done.get());
        m.gauge(
                "lock_hold_max_seconds",
                "Longest time the last run held one mailbox's Dovecot lock.",
                p.lockHoldMaxNanos.get() / 1e9);
    }

    static void repository(RunMetrics m, long packBytes) {
        m.gauge(
                "repository_pack_bytes",
                "Bytes of the packs in the repository's data/ after the last run: its size, but for indexes,"
                        + " snapshots and keys.",
                packBytes);
    }

    static void result(RunMetrics m, BackupResult r) {
        SnapshotStats s = r.snapshot().stats();
        m.gauge(
                "bytes_added",
                "Bytes the last run added to the repository (packs and indexes).",
                r.blobs().bytesStored());
        m.gauge("blobs_new", "Blobs the last run stored.", r.blobs().blobsNew());
        m.gauge(
                "blobs_deduplicated",
                "Blobs the last run found already stored.",
                r.blobs().blobsDeduplicated());
        m.gauge(
                "mailboxes_skipped",
                "Mailboxes the last run could not capture (lock timeout, permission); "
                        + "the snapshot keeps their previous state.",
                s.failedMailboxes().size());
        m.gauge("snapshot_mailboxes", "Mailboxes in the snapshot the last run saved.", s.mailboxes());
        m.gauge("snapshot_messages", "Messages in the snapshot the last run saved.", s.messages());
        m.gauge("snapshot_bytes", "Bytes of the messages in the snapshot the last run saved.", s.bytes());
        m.gauge(
                "lock_hold_max_seconds",
                "Longest time the last run held one mailbox's Dovecot lock.",
                s.lockHoldMaxNanos() / 1e9);
    }
}
