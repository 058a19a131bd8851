package org.mailsnap.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.repository.RepositoryLockedException;
import org.mailsnap.storage.s3.S3Storage;
import org.mailsnap.storage.s3.S3TestServer;

/** forget and prune against a real S3 server (s3proxy on loopback): the same story as on a local directory. */
class PruneS3Test {
    private static S3TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        server.createBucket("mailsnap-prune");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void forgetThenPruneOnS3() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PruneS3Test seed " + seed);
        try (BackupFixture f = new BackupFixture(
                tmp.resolve("backup"),
                S3Storage.open(server.settings("mailsnap-prune", "scenario")),
                BackupFixture.cheapKdf().build())) {
            new PruneScenario(f, tmp, seed).run();
        }
    }

    @Test
    void aSharedLockOnS3MakesPruneRefuse() throws Exception {
        try (BackupFixture f = new BackupFixture(
                tmp.resolve("backup"),
                S3Storage.open(server.settings("mailsnap-prune", "locked")),
                BackupFixture.cheapKdf().build())) {
            try (RepositoryLock backup = f.repository.lockShared()) {
                RepositoryLockedException e = org.junit.jupiter.api.Assertions.assertThrows(
                        RepositoryLockedException.class, () -> Pruning.prune(f.repository, Pruning.DEFAULTS));
                assertTrue(e.getMessage().contains("shared lock by"), e.getMessage());
            }
            PruneResult result = Pruning.prune(f.repository, Pruning.DEFAULTS);
            assertEquals(0, result.snapshots());
        }
    }
}
