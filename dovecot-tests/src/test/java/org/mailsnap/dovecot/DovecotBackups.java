package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.recovery.HitFlagWords;
import org.mailsnap.recovery.LedgerKeepers;
import org.mailsnap.recovery.MessageFinder;
import org.mailsnap.recovery.MessageHit;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/**
 * A real repository and catalog (the engine's {@link BackupFixture}) backing up a private Dovecot's mail root, with
 * the lock a live Dovecot needs: unlike {@code BackupFixture.backup}, which locks nothing, every run here takes the
 * locker it is given ({@code LockMode.DOVECOT.defaultLocker()} unless a test passes another one).
 */
final class DovecotBackups implements AutoCloseable {

    static final String HOST = "dovecot-test-host";

    private final BackupFixture fixture;
    private final Path store;

    /**
     * @param dir   where the repository and the catalog go
     * @param store the directory holding the user Maildirs ({@code <base>/mail}); each child is one mailbox, named
     *              like the user
     */
    DovecotBackups(Path dir, Path store) throws IOException {
        this.fixture = new BackupFixture(dir);
        this.store = store;
    }

    /** One run over the whole store with the given locker and message file access. */
    BackupResult backup(FolderLocker locker, MessageFiles files) throws IOException {
        BackupSettings settings = BackupSettings.builder(store, HOST).threads(2).build();
        return new Backup(fixture.repository, fixture.catalog, files, locker, Clock.systemUTC())
                .run(settings, new BackupProgress());
    }

    BackupResult backup(FolderLocker locker) throws IOException {
        return backup(locker, MessageFiles.real());
    }

    /** What a snapshot holds for one mailbox, read from the repository (folders, names, flags, Message-IDs). */
    SnapshotContents contents(BackupResult result, String mailbox) throws IOException {
        return SnapshotContents.read(
                result.snapshot(), fixture.repository.openBlobStore(fixture.catalog.blobs())::get, mailbox);
    }

    /** The catalog's search index, as {@code find} queries it, each hit with its first and last snapshot. */
    List<MessageHit> find(MessageQuery query) throws IOException {
        try (CatalogReader reader = fixture.catalog.read()) {
            return new MessageFinder(reader.snapshots(), LedgerKeepers.NONE)
                    .search(reader, query)
                    .hits();
        }
    }

    /** A hit's flags in words as {@code find} prints them: keywords named by the snapshot's dovecot-keywords. */
    List<String> flagWords(MessageHit hit) throws IOException {
        return new HitFlagWords(
                        SnapshotHistory.load(fixture.repository, fixture.catalog),
                        fixture.repository.openBlobStore(fixture.catalog.blobs())::get)
                .of(hit);
    }

    RestoreResult restore(SnapshotId snapshotId, String mailbox, Path target, RestoreMode mode) throws IOException {
        return fixture.restore(snapshotId, mailbox, target, mode);
    }

    RestoreResult restore(SnapshotId snapshotId, org.mailsnap.restore.RestoreRequest request) throws IOException {
        return fixture.restore(snapshotId, request);
    }

    @Override
    public void close() throws IOException {
        fixture.close();
    }
}
