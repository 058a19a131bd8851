package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;

/**
 * A history of daily backups of a generated store whose mail is expunged, moved and re-flagged between them, with a
 * clock set to each day: what a deleted-mail ledger must keep is known from it (every placement one snapshot holds
 * and the next lacks, with the bytes its file had).
 */
final class DeletedMailHistory {
    static final Instant START = Instant.parse("2026-06-01T03:00:00Z");

    /** A placement that left its folder between two backups, with its file's bytes. */
    record Gone(FolderKey folder, Placement placement, long lastSeen, long goneBy, byte[] bytes) {
        String key() {
            return folder + "/" + BaseNames.DOVECOT.baseOf(placement.name()) + "@" + goneBy;
        }
    }

    final BackupFixture f;
    final Path store;
    final long seed;
    final List<SnapshotId> snapshots = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();
    private final List<Map<String, byte[]>> files = new ArrayList<>();
    /** The previous snapshot's placements, read when it was taken (a forget may have replaced it since). */
    private SortedMap<FolderKey, List<Placement>> previous;

    final List<Gone> gone = new ArrayList<>();
    /** Per snapshot, the messages it holds anywhere in their mailbox: mailbox NUL GUID. */
    final List<java.util.Set<String>> held = new ArrayList<>();

    DeletedMailHistory(BackupFixture f, Path store, long seed) throws IOException {
        this.f = f;
        this.store = store;
        this.seed = seed;
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(3)
                                .messagesPerMailbox(12)
                                .attachmentMaxBytes(40 << 10)
                                .build(),
                        1)
                .generate(store);
    }

    /** A history of {@code days} daily backups of a new store under {@code dir}; the seed is printed. */
    static DeletedMailHistory ofDays(BackupFixture f, Path dir, int days) throws IOException {
        long seed = System.nanoTime();
        System.out.println("DeletedMailHistory seed " + seed);
        DeletedMailHistory history = new DeletedMailHistory(f, dir.resolve("store"), seed);
        for (int day = 0; day < days; day++) {
            history.day();
        }
        return history;
    }

    /** {@code forget --keep-last 1 --keep-deleted-within WINDOW}: every snapshot but the newest goes. */
    void forgetAllButTheNewest(String window) throws IOException {
        Forget forget = new Forget(f.repository, f.catalog.blobs());
        forget.run(
                forget.plan(
                        RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of()),
                        GroupBy.HOST_PATH,
                        ZoneOffset.UTC,
                        KeepWithin.parse(window)),
                n -> {});
    }

    /** Churns a day's worth (an hour of the simulator, expunge-heavy), then backs up at the next day's clock. */
    void day() throws IOException {
        int day = snapshots.size();
        if (day > 0) {
            new ChurnSimulator(ChurnSpec.defaults().toBuilder()
                            .seed(seed + day)
                            .expungeShare(0.35)
                            .deliveryShare(0.35)
                            .flagChangeShare(0.2)
                            .moveShare(0.1)
                            .build())
                    .simulateHour(store);
        }
        ageDirectories();
        Instant at = START.plus(Duration.ofDays(day));
        BackupResult result = new Backup(
                        f.repository, f.catalog, f.files, FolderLocker.none(), Clock.fixed(at, ZoneOffset.UTC))
                .run(BackupSettings.builder(store, "testhost").threads(2).build(), new BackupProgress());
        assertFalse(result.partial(), result.problems().toString());
        snapshots.add(result.snapshotId());
        times.add(at);
        files.add(readFiles());
        SortedMap<FolderKey, List<Placement>> placements = f.placements(result.snapshotId());
        java.util.Set<String> messages = new java.util.HashSet<>();
        placements.forEach((folder, list) -> list.forEach(
                p -> messages.add(folder.mailbox() + '\0' + p.identity(BaseNames.DOVECOT.baseOf(p.name())))));
        held.add(messages);
        if (day > 0) {
            noteGone(day - 1, day, previous, placements);
        }
        previous = placements;
    }

    /**
     * The messages that went away from their mailbox (held by a snapshot, by no later one), mailbox NUL GUID, each
     * with the time of the first snapshot that no longer held it.
     */
    Map<String, Instant> expunged() {
        Map<String, Instant> expunged = new TreeMap<>();
        for (int day = 1; day < held.size(); day++) {
            for (String m : held.get(day - 1)) {
                if (!held.get(day).contains(m)) {
                    expunged.put(m, times.get(day)); // a later departure (after a return) replaces an earlier one
                }
            }
        }
        expunged.keySet().removeAll(held.get(held.size() - 1));
        return expunged;
    }

    /** The placements expected in a ledger whose window starts at {@code windowStart} (seconds). */
    Map<String, Gone> goneSince(long windowStart) {
        Map<String, Gone> expected = new TreeMap<>();
        for (Gone g : gone) {
            if (g.goneBy() >= windowStart) {
                expected.put(g.key(), g);
            }
        }
        return expected;
    }

    private void noteGone(
            int before,
            int after,
            SortedMap<FolderKey, List<Placement>> was,
            SortedMap<FolderKey, List<Placement>> is) {
        for (Map.Entry<FolderKey, List<Placement>> e : was.entrySet()) {
            java.util.Set<String> bases = new java.util.HashSet<>();
            for (Placement p : is.getOrDefault(e.getKey(), List.of())) {
                bases.add(BaseNames.DOVECOT.baseOf(p.name()));
            }
            for (Placement p : e.getValue()) {
                if (!bases.contains(BaseNames.DOVECOT.baseOf(p.name()))) {
                    byte[] bytes = files.get(before).get(path(e.getKey(), p));
                    gone.add(new Gone(
                            e.getKey(),
                            p,
                            times.get(before).getEpochSecond(),
                            times.get(after).getEpochSecond(),
                            bytes));
                }
            }
        }
    }

    static String path(FolderKey folder, Placement p) {
        String dir = folder.mailbox() + (folder.folder().isEmpty() ? "" : "/" + folder.folder());
        return (dir.isEmpty() ? "" : dir + "/") + (p.inCur() ? "cur/" : "new/") + p.name();
    }

    private Map<String, byte[]> readFiles() throws IOException {
        Map<String, byte[]> all = new HashMap<>();
        try (var walk = Files.walk(store)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String parent = p.getParent().getFileName().toString();
                if (parent.equals("cur") || parent.equals("new")) {
                    all.put(store.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return all;
    }

    private void ageDirectories() throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (var dirs = Files.walk(store)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setLastModifiedTime(d, hourAgo);
            }
        }
    }
}
