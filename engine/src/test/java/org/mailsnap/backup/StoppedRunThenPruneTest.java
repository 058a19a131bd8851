package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.PruneResult;
import org.mailsnap.prune.Pruning;
import org.mailsnap.storage.ForwardingStorage;
import org.mailsnap.storage.LocalStorage;
import org.mailsnap.storage.Storage;

/**
 * A run stopped after a checkpoint leaves the catalog with folder states, manifests and message contents that no
 * snapshot references; a prune before the next run deletes them as garbage. The next run must not carry them into
 * its snapshot: it reads the store again, as {@code --rescan} does. Without a prune the stopped run's work is kept.
 */
class StoppedRunThenPruneTest {
    @TempDir
    Path tmp;

    /** While armed, every put of a snapshot object fails: a run dies after its checkpoints, before its snapshot. */
    static final class SnapshotPutsFail extends ForwardingStorage {
        volatile boolean armed;

        SnapshotPutsFail(Storage delegate) {
            super(delegate);
        }

        @Override
        public void put(String name, byte[] data) throws IOException {
            if (armed && name.startsWith("snapshots/")) {
                throw new IOException("stopped before " + name);
            }
            delegate.put(name, data);
        }
    }

    @Test
    void aPruneAfterARunStoppedAtACheckpointMakesTheNextRunReadTheStoreAgain() throws Exception {
        Path store = twoMailboxes();
        SnapshotPutsFail storage = new SnapshotPutsFail(new LocalStorage(tmp.resolve("backup/repo")));
        try (BackupFixture f = new BackupFixture(
                tmp.resolve("backup"), storage, BackupFixture.cheapKdf().build())) {
            stopAfterACheckpoint(f, storage, store);
            PruneResult pruned = Pruning.prune(f.repository, new PruneOptions(0, false));
            assertTrue(pruned.changed(), "the stopped run's packs are garbage: " + pruned);

            BackupResult next = f.backup(store);
            f.assertRestoresExactly(next.snapshotId(), store, tmp.resolve("restore"));
            assertEquals(4, next.progress().messagesRead.get(), "every message read again");
            assertTrue(
                    next.problems().stream().anyMatch(p -> p instanceof BackupProblem.StoreReadAgain),
                    "the operator is told why: " + next.problems());
            assertFalse(next.partial(), next.problems().toString());

            BackupResult later = f.backup(store);
            assertEquals(0, later.progress().messagesRead.get(), "the state is trusted again once a run finished");
            assertEquals(List.of(), later.problems());
        }
    }

    @Test
    void withoutAPruneTheNextRunKeepsWhatTheStoppedRunStored() throws Exception {
        Path store = twoMailboxes();
        SnapshotPutsFail storage = new SnapshotPutsFail(new LocalStorage(tmp.resolve("backup/repo")));
        try (BackupFixture f = new BackupFixture(
                tmp.resolve("backup"), storage, BackupFixture.cheapKdf().build())) {
            stopAfterACheckpoint(f, storage, store);
            BackupResult next = f.backup(store);
            assertEquals(0, next.progress().messagesRead.get(), "the new message was stored by the stopped run");
            assertEquals(List.of(), next.problems());
            f.assertRestoresExactly(next.snapshotId(), store, tmp.resolve("restore"));
        }
    }

    /**
     * Backs up, delivers a message to {@code u} (a new body, content table and manifests), and runs a backup that
     * checkpoints after each mailbox and fails at its snapshot object.
     */
    private static void stopAfterACheckpoint(BackupFixture f, SnapshotPutsFail storage, Path store) throws Exception {
        f.backup(store);
        Maildirs.message(store.resolve("u"), "new", "1700000009.M9P1.h");
        Trees.ageDirectories(store);
        storage.armed = true;
        BackupSettings checkpointing = BackupSettings.builder(store, "testhost")
                .threads(2)
                .checkpointMessages(1)
                .build();
        IOException stopped = assertThrows(IOException.class, () -> f.backup(checkpointing));
        assertTrue(String.valueOf(stopped.getMessage()).contains("stopped before"), stopped.toString());
        storage.armed = false;
    }

    /** Mailboxes {@code u} (INBOX and Sent) and {@code v}, a message in each folder, directories aged. */
    private Path twoMailboxes() throws IOException {
        Path store = tmp.resolve("store");
        Path u = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(u, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(Maildirs.folder(u, ".Sent"), "cur", "1700000002.M2P1.h:2,S");
        Maildirs.message(Maildirs.maildir(store.resolve("v")), "cur", "1700000003.M3P1.h:2,");
        Trees.ageDirectories(store);
        return store;
    }
}
