package org.mailsnap.check;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.s3.S3Storage;
import org.mailsnap.storage.s3.S3TestServer;

/**
 * check, its marks and repair against a real S3 server (s3proxy on loopback): two hosts back up into one repository
 * at the same time, check --read-data is clean; then a pack is deleted and another bit-flipped behind the
 * repository's back, check names the messages, the next backups store them again, repair re-indexes, check is clean.
 */
class CheckOnS3Test {
    private static final char[] PASSWORD = "secret".toCharArray();
    private static S3TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RepositoryOptions options(String host) {
        return BackupFixture.cheapKdf().packTargetSize(16 * 1024).hostname(host).build();
    }

    private static BackupResult backup(Repository repository, Catalog catalog, Path store, String host)
            throws Exception {
        return new Backup(repository, catalog, new CountingMessageFiles(), FolderLocker.none(), Clock.systemUTC())
                .run(BackupSettings.builder(store, host).threads(1).build(), new BackupProgress());
    }

    private static CheckResult check(Repository repository, Catalog catalog, DataSelection data) throws Exception {
        try (CatalogReader reader = catalog.read()) {
            CheckResult r = new Checker(repository, data, reader::message).run();
            r.damage().forEach(d -> System.out.println("  damage: " + d));
            return r;
        }
    }

    @Test
    void twoHostsAtOnceThenDamageOnS3IsFoundMarkedHealedAndRepaired() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CheckOnS3Test seed " + seed);
        server.createBucket("check");
        List<Path> stores = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path store = tmp.resolve("store" + i);
            new StoreGenerator(
                            StoreSpec.tiny().toBuilder()
                                    .mailboxes(1)
                                    .messagesPerMailbox(25)
                                    .seed(seed + i)
                                    .build(),
                            1)
                    .generate(store);
            stores.add(store);
        }
        try (Storage s1 = S3Storage.open(server.settings("check", "repo"));
                Storage s2 = S3Storage.open(server.settings("check", "repo"))) {
            Repository r1 = Repository.init(s1, PASSWORD, options("mx1"));
            Repository r2 = Repository.open(s2, PASSWORD, options("mx2"));
            try (Catalog c1 = Catalog.open(tmp.resolve("catalog1"), r1.config().repositoryId());
                    Catalog c2 =
                            Catalog.open(tmp.resolve("catalog2"), r2.config().repositoryId())) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Callable<BackupResult>> runs = List.of(
                            () -> backup(r1, c1, stores.get(0), "mx1"), () -> backup(r2, c2, stores.get(1), "mx2"));
                    for (Future<BackupResult> f : pool.invokeAll(runs)) {
                        assertFalse(f.get().partial());
                    }
                } finally {
                    pool.shutdown();
                }
                CheckResult clean = check(r1, c1, DataSelection.ALL);
                assertTrue(clean.clean(), clean.damage().toString());
                assertEquals(2, clean.stats().snapshots());
                assertEquals(clean.stats().blobs(), clean.stats().blobsRead());

                List<PackId> data = new ArrayList<>();
                for (PackId id : r1.maintenance().listPacks().packs().keySet()) {
                    if (r1.maintenance()
                                    .readPackHeader(id)
                                    .blobs()
                                    .get(0)
                                    .location()
                                    .type()
                            == BlobType.DATA) {
                        data.add(id);
                    }
                }
                data.sort(null);
                PackId deleted = data.get(0);
                PackId flipped = data.get(1);
                s1.delete("data/" + deleted.hex().substring(0, 2) + "/" + deleted.hex());
                String flippedName = "data/" + flipped.hex().substring(0, 2) + "/" + flipped.hex();
                byte[] bytes = s1.get(flippedName);
                bytes[50] ^= 1;
                s1.put(flippedName, bytes);

                CheckResult found = check(r1, c1, DataSelection.ALL);
                assertTrue(found.damage().stream()
                        .anyMatch(d -> d.object().equals("pack " + deleted.hex().substring(0, 12))
                                && d.problem().startsWith("missing")));
                assertTrue(found.damage().stream()
                        .anyMatch(d -> d.object().equals("pack " + flipped.hex().substring(0, 12))
                                && d.problem().contains("MAC mismatch")));
                assertFalse(found.snapshots().isEmpty(), "the snapshots that used the two packs are named");
                found.messages().forEach(m -> System.out.println("  message: " + m.describe() + " " + m.problems()));

                // each host's catalog learns the damage from a check of its own, and its next backup heals
                DamageMarks.record(c1, found);
                DamageMarks.record(c2, check(r2, c2, DataSelection.ALL));
                assertFalse(backup(r1, c1, stores.get(0), "mx1").partial());
                assertFalse(backup(r2, c2, stores.get(1), "mx2").partial());
                CheckResult healed = check(r1, c1, DataSelection.ALL);
                assertEquals(List.of(), healed.messages(), "every message stored again");

                IndexRepair.Result repaired = new IndexRepair(r1).run();
                assertFalse(repaired.replaced().isEmpty());
                // the flipped pack stays (repair deletes nothing); its bad blobs are now also stored elsewhere
                CheckResult after = check(r1, c1, DataSelection.NONE);
                assertTrue(after.clean(), after.damage().toString());
            }
        }
    }
}
