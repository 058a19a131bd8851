package org.mailsnap.bench.year;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.cli.Json;
import org.mailsnap.cli.Main;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ManualClock;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.LocalStorage;

/**
 * A year (or any span) of hourly backups of a changing Maildir store, faster than real time (package doc: the
 * schedule). Everything runs in this process: the store generator and churn simulator of {@code mailgen}, the
 * engine's {@link Backup} with a {@link ManualClock}, and the CLI's own {@code forget} and {@code prune}
 * ({@link Main#run}), so the policy is the words an operator's timer would run. The simulation keeps, per hour,
 * only a 32-byte digest of the store ({@link StoreTree#digest()}) and the life of every message
 * ({@link MessageLives}); the {@code verify…} methods compare the repository with them and return what differs.
 */
public final class YearSimulation implements AutoCloseable {
    public static final String PASSWORD = "year-simulation";
    public static final String HOST = "mail";
    private static final StoreTree.Options EXACT = StoreTree.Options.exact().ignoringDirectoryMtimes();
    /**
     * The digests of hours a {@link PausedStateReplay} rebuilt: the churn writes {@code dovecot-uidlist} and
     * {@code dovecot-keywords} at the wall-clock time, so a replay matches the original store in every name, size,
     * content and message mtime, but not in those files' mtimes.
     */
    private static final StoreTree.Options REPLAYED = EXACT.ignoringMtimesOf(StoreTree.Kind.CONTROL_FILE);
    /** The file {@link #pause} writes beside the store, repository and catalog, and {@link #resume} reads. */
    private static final String PAUSED_STATE = "paused-state";

    private static final int PAUSED_STATE_VERSION = 2;

    /** Called after each backup, e.g. to back the same store up with another tool at the same simulated time. */
    public interface Observer {
        void afterBackup(int hour, Instant time, Path store) throws IOException;

        /** Called after the daily maintenance (forget, and on Mondays prune) that ran before {@code hour}'s backup. */
        default void afterMaintenance(int hour, Instant time, boolean pruned) throws IOException {}
    }

    private final YearSpec spec;
    private final Path work;
    private final Path store;
    private final ManualClock clock;
    private final LocalStorage storage;
    private final Repository repository;
    private final List<byte[]> digests = new ArrayList<>();
    private final MessageLives lives;
    private final StoreTree.MessageDigests knownMessages = new StoreTree.MessageDigests();
    private final long firstStoreBytes;
    private long firstRepositoryBytes;
    private long storedBytes;
    private int maintenanceRuns;
    private int prunes;
    private final Map<String, Long> nanos = new java.util.TreeMap<>();
    /** The state {@link #resume} read, deleted by {@link #advance} before it changes the store; else null. */
    private Path savedState;
    /**
     * The first hours, whose digests a replay rebuilt ({@link #REPLAYED}): 0 when none, every hour in a replay itself.
     */
    private int replayedHours;

    private YearSimulation(
            YearSpec spec,
            Path work,
            LocalStorage storage,
            Repository repository,
            long storeBytes,
            MessageLives lives) {
        this.spec = spec;
        this.work = work;
        this.store = work.resolve("store");
        this.clock = new ManualClock(spec.start());
        this.storage = storage;
        this.repository = repository;
        this.firstStoreBytes = storeBytes;
        this.lives = lives;
    }

    /** Generates the store and creates the repository in {@code work} (an empty or absent directory). */
    public static YearSimulation create(YearSpec spec, Path work) throws IOException {
        Files.createDirectories(work);
        long bytes =
                new StoreGenerator(spec.store()).generate(work.resolve("store")).bytes();
        Files.createDirectories(work.resolve("repository"));
        LocalStorage storage = new LocalStorage(work.resolve("repository"));
        try {
            Repository repository = Repository.init(storage, PASSWORD.toCharArray(), RepositoryOptions.defaults());
            return new YearSimulation(spec, work, storage, repository, bytes, new MessageLives());
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /**
     * {@link #create}, for a {@link PausedStateReplay}: its digests ignore the control files' mtimes
     * ({@link #REPLAYED}), and {@link #pauseAs} says so in the state it writes.
     */
    static YearSimulation createReplay(YearSpec spec, Path work) throws IOException {
        YearSimulation replay = create(spec, work);
        replay.replayedHours = Integer.MAX_VALUE;
        return replay;
    }

    /** Whether {@code work} holds a simulation {@link #pause} stopped, which {@link #resume} continues. */
    public static boolean paused(Path work) {
        return Files.exists(work.resolve(PAUSED_STATE));
    }

    /**
     * Saves what the simulation holds in memory (the store's digest at every hour so far, the messages' lives, the
     * counters) beside the store, repository and catalog it leaves on disk, so that {@link #resume} in another
     * process goes on with the next hour as if nothing had stopped: each hour's churn is seeded by its number, not
     * by what ran before. Between calls of {@link #advance} only, when disk and memory agree.
     */
    public void pause() throws IOException {
        pauseAs(work);
    }

    /**
     * {@link #pause}, writing the state as the paused state of the simulation in {@code otherWork}: only for a
     * replay proven to be that simulation's history ({@link #sameStoreAsNow}, {@link PausedStateReplay}).
     */
    public void pauseAs(Path otherWork) throws IOException {
        Path temporary = otherWork.resolve(PAUSED_STATE + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(PAUSED_STATE_VERSION);
            out.writeLong(spec.seed());
            out.writeInt(Math.min(replayedHours, digests.size()));
            out.writeInt(digests.size());
            for (byte[] digest : digests) {
                out.writeInt(digest.length);
                out.write(digest);
            }
            out.writeLong(firstStoreBytes);
            out.writeLong(firstRepositoryBytes);
            out.writeLong(storedBytes);
            out.writeInt(maintenanceRuns);
            out.writeInt(prunes);
            out.writeInt(nanos.size());
            for (Map.Entry<String, Long> part : nanos.entrySet()) {
                out.writeUTF(part.getKey());
                out.writeLong(part.getValue());
            }
            lives.write(out);
        }
        Files.move(temporary, otherWork.resolve(PAUSED_STATE), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Continues the simulation {@link #pause} saved in {@code work}, of the same seed ({@code spec} may run more
     * hours). The saved state stays until {@link #advance} is about to change the store (it would no longer match),
     * so a resume that fails before that can be started again.
     */
    public static YearSimulation resume(YearSpec spec, Path work) throws IOException {
        Path saved = work.resolve(PAUSED_STATE);
        LocalStorage storage = new LocalStorage(work.resolve("repository"));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(saved)))) {
            int version = in.readInt();
            long seed = in.readLong();
            if (version != PAUSED_STATE_VERSION || seed != spec.seed()) {
                throw new IOException(saved + ": version " + version + " of seed " + seed + ", not version "
                        + PAUSED_STATE_VERSION + " of seed " + spec.seed());
            }
            int replayed = in.readInt();
            List<byte[]> digests = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                byte[] digest = new byte[in.readInt()];
                in.readFully(digest);
                digests.add(digest);
            }
            long storeBytes = in.readLong();
            long repositoryBytes = in.readLong();
            long stored = in.readLong();
            int runs = in.readInt();
            int pruned = in.readInt();
            Map<String, Long> parts = new java.util.TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                parts.put(in.readUTF(), in.readLong());
            }
            MessageLives lives = MessageLives.read(in);
            Repository repository = Repository.open(storage, PASSWORD.toCharArray());
            YearSimulation sim = new YearSimulation(spec, work, storage, repository, storeBytes, lives);
            sim.digests.addAll(digests);
            sim.firstRepositoryBytes = repositoryBytes;
            sim.storedBytes = stored;
            sim.maintenanceRuns = runs;
            sim.prunes = pruned;
            sim.nanos.putAll(parts);
            sim.savedState = saved;
            sim.replayedHours = replayed;
            return sim;
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    public YearSpec spec() {
        return spec;
    }

    public Path store() {
        return store;
    }

    public Path repositoryDirectory() {
        return work.resolve("repository");
    }

    public Path catalogDirectory() {
        return work.resolve("catalog");
    }

    /**
     * Whether {@code otherStore} is exactly (by {@link StoreTree#digest}) the store as it was after the last hour
     * simulated: how {@link PausedStateReplay} proves that a replayed history is the one another store went through.
     */
    public boolean sameStoreAsNow(Path otherStore) throws IOException {
        return !digests.isEmpty()
                && java.util.Arrays.equals(
                        digests.get(digests.size() - 1),
                        StoreTree.capture(otherStore, digestOptions(digests.size() - 1))
                                .digest());
    }

    /** What the digest of {@code hour} compares: everything, or for a replayed hour all but control files' mtimes. */
    private StoreTree.Options digestOptions(int hour) {
        return hour < replayedHours ? REPLAYED : EXACT;
    }

    /** Hours simulated so far (the next backup's hour number). */
    public int hoursDone() {
        return digests.size();
    }

    /** Runs of the daily maintenance so far, and how many of them pruned. */
    public int maintenanceRuns() {
        return maintenanceRuns;
    }

    public int prunes() {
        return prunes;
    }

    /** Bytes the backups stored in the repository in all (what it would hold had nothing been forgotten). */
    public long storedBytes() {
        return storedBytes;
    }

    /**
     * The environment the CLI needs for this repository and catalog, forget's buckets in UTC as the simulation's
     * clock; a process started with it sees the repository as this simulation does.
     */
    public Map<String, String> cliEnvironment() {
        return Map.of(
                "MAILSNAP_REPOSITORY",
                repositoryDirectory().toString(),
                "MAILSNAP_PASSWORD",
                PASSWORD,
                "MAILSNAP_CATALOG",
                catalogDirectory().toString(),
                "MAILSNAP_TZ",
                "UTC");
    }

    /** {@code forget} with the spec's policy, as the daily timer runs it; {@code --prune} added when asked. */
    public List<String> forgetArguments(boolean prune) {
        List<String> words = new ArrayList<>(List.of("forget"));
        words.addAll(spec.thinning().mailsnapArguments());
        if (prune) {
            words.add("--prune");
        }
        return words;
    }

    /**
     * Simulates the next {@code hours} hours: before a backup at midnight (UTC) the daily maintenance runs (see
     * {@link #maintain}: forget, and on Mondays prune); then, from the second hour on, an hour of churn; then the
     * backup stamped with the hour; then the store's digest is recorded.
     */
    public void advance(int hours, Observer observer) throws IOException {
        int end = Math.min(spec.hours(), hoursDone() + hours);
        if (savedState != null && end > hoursDone()) {
            Files.delete(savedState);
            savedState = null;
        }
        Catalog catalog = null;
        try {
            for (int hour = hoursDone(); hour < end; hour++) {
                Instant time = spec.backupTime(hour);
                if (hour > 0 && time.atZone(ZoneOffset.UTC).getHour() == 0) {
                    if (catalog != null) {
                        catalog.close();
                        catalog = null;
                    }
                    long t0 = System.nanoTime();
                    boolean pruned = maintain(time);
                    took("maintenance", t0);
                    observer.afterMaintenance(hour, time, pruned);
                }
                long t0 = System.nanoTime();
                if (hour > 0) {
                    new ChurnSimulator(spec.churnPerHour().toBuilder()
                                    .seed(spec.seed() + hour)
                                    .start(time.minusSeconds(3600))
                                    .build())
                            .simulateHour(store);
                }
                t0 = took("churn", t0);
                if (catalog == null) {
                    catalog =
                            Catalog.open(catalogDirectory(), repository.config().repositoryId());
                }
                clock.set(time);
                storedBytes += new Backup(
                                repository, catalog, MessageFiles.real(), LockMode.DOVECOT.defaultLocker(), clock)
                        .run(BackupSettings.of(store, HOST), new BackupProgress())
                        .blobs()
                        .bytesStored();
                t0 = took("backup", t0);
                StoreTree tree = StoreTree.capture(store, digestOptions(hour), knownMessages);
                digests.add(tree.digest());
                lives.record(hour, tree);
                took("digest", t0);
                if (hour == 0) {
                    firstRepositoryBytes = directoryBytes(repositoryDirectory());
                }
                observer.afterBackup(hour, time, store);
            }
        } finally {
            if (catalog != null) {
                catalog.close();
            }
        }
    }

    /**
     * Seconds spent so far in each part of {@link #advance}: {@code churn}, {@code backup}, {@code digest} and
     * {@code maintenance} (the in-process forgets and prunes).
     */
    public Map<String, Double> secondsByPart() {
        Map<String, Double> seconds = new java.util.TreeMap<>();
        nanos.forEach((part, n) -> seconds.put(part, n / 1e9));
        return seconds;
    }

    private long took(String part, long since) {
        long now = System.nanoTime();
        nanos.merge(part, now - since, Long::sum);
        return now;
    }

    /** Runs every remaining hour. */
    public void run(Observer observer) throws IOException {
        advance(spec.hours() - hoursDone(), observer);
    }

    /**
     * The daily maintenance a timer at {@code time} runs: {@code forget} with the policy, plus {@code prune} on
     * Mondays; in this process, through the CLI. Returns whether it pruned.
     */
    private boolean maintain(Instant time) throws IOException {
        boolean prune = time.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.MONDAY;
        maintain(prune);
        return prune;
    }

    /**
     * The maintenance due after the last hour, in this process: {@code forget --prune}, so the repository is as
     * small as the policy allows (the benchmark runs the same words as a measured process instead).
     */
    public void forgetAndPrune() throws IOException {
        maintain(true);
    }

    private void maintain(boolean prune) throws IOException {
        cli(forgetArguments(prune));
        maintenanceRuns++;
        prunes += prune ? 1 : 0;
    }

    /** Runs one CLI command in this process; its output is returned, a failure is an exception naming both. */
    public String cli(List<String> arguments) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out), new PrintWriter(err), cliEnvironment(), arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IOException(
                    "mailsnap " + String.join(" ", arguments) + " exited with " + code + ": " + err + out);
        }
        return out.toString();
    }

    /** The snapshots in the repository now, by time. */
    public NavigableSet<Instant> snapshotTimes() throws IOException {
        NavigableSet<Instant> times = new TreeSet<>();
        for (Snapshot s : SnapshotObjects.load(repository).current().values()) {
            times.add(s.time());
        }
        return times;
    }

    /** The snapshot times the policy keeps of every hour simulated, as {@link RetentionOracle} computes them. */
    public NavigableSet<Instant> expectedSnapshotTimes() {
        List<Instant> times = new ArrayList<>();
        for (int hour = 0; hour < hoursDone(); hour++) {
            times.add(spec.backupTime(hour));
        }
        return RetentionOracle.kept(times, spec.thinning());
    }

    /** The snapshots kept differ from what the oracle expects: one line per missing or unexpected time. */
    public List<String> verifySnapshotCount() throws IOException {
        NavigableSet<Instant> expected = expectedSnapshotTimes();
        NavigableSet<Instant> actual = snapshotTimes();
        List<String> problems = new ArrayList<>();
        for (Instant t : expected) {
            if (!actual.contains(t)) {
                problems.add("missing snapshot of " + t);
            }
        }
        for (Instant t : actual) {
            if (!expected.contains(t)) {
                problems.add("unexpected snapshot of " + t);
            }
        }
        return problems;
    }

    /**
     * Restores every kept snapshot (every mailbox, into an empty directory) and compares it with the store as it
     * was at that hour, by digest: names, sizes, content, file mtimes, uidlists and keywords. Returns one line per
     * snapshot that differs.
     *
     * @param threads the restorer's threads
     */
    public List<String> verifyKeptSnapshotsRestore(int threads) throws IOException {
        List<String> problems = new ArrayList<>();
        Path target = work.resolve("restore-check");
        try (Catalog catalog =
                Catalog.open(catalogDirectory(), repository.config().repositoryId())) {
            CatalogSync.blobIndex(repository, catalog);
            SnapshotHistory history = SnapshotHistory.load(repository, catalog);
            var blobs = repository.openBlobStore(catalog.blobs());
            for (var summary : history.all()) {
                int hour = hourOf(summary.time());
                if (hour < 0) {
                    problems.add("snapshot " + summary.id() + " of " + summary.time() + " is not at a simulated hour");
                    continue;
                }
                deleteTree(target);
                new Restorer(blobs::get, threads)
                        .restore(
                                history.open(summary),
                                new RestoreRequest(null, null, null, target, RestoreMode.EMPTY_TARGET));
                StoreTree restored = StoreTree.capture(target, digestOptions(hour));
                if (!java.util.Arrays.equals(digests.get(hour), restored.digest())) {
                    problems.add("snapshot " + summary.id() + " of " + summary.time() + " (hour " + hour
                            + ") restores as " + restored + ", not as the store was then (digest "
                            + HexFormat.of().formatHex(digests.get(hour)) + ")");
                }
            }
            deleteTree(target);
        }
        return problems;
    }

    /**
     * The repository's size against the bound the kept history allows (README of benchmarks/results/…-year: the
     * bound explained). Returns the figures and a problem when outside.
     */
    public RepositorySize repositorySize(double maxUnused) throws IOException {
        NavigableSet<Integer> keptHours = keptHours();
        long retained = 0;
        Set<String> inKeptSnapshots = new HashSet<>();
        for (MessageLives.Life life : lives.presentAtAnyOf(keptHours)) {
            retained += life.size;
            inKeptSnapshots.add(life.base);
        }
        long everDelivered = lives.all().stream().mapToLong(l -> l.size).sum();
        long placements = 0;
        for (int hour : keptHours) {
            placements += lives.all().stream()
                    .filter(l -> l.firstHour <= hour && hour <= l.lastHour)
                    .count();
        }
        if (checksDeletedMessages()) {
            // The deleted-mail ledger keeps what left within the window: an entry per departure (an expunge, or a
            // move out of a folder), and the content of an expunged message that no kept snapshot holds.
            Instant since = deletedWindowStart();
            for (MessageLives.Life life : lives.deleted()) {
                if (expungedSince(life, since)) {
                    placements++;
                    if (!inKeptSnapshots.contains(life.base)) {
                        retained += life.size;
                    }
                }
            }
            for (MessageLives.Life life : lives.all()) {
                placements += life.departures.stream()
                        .filter(hour -> !spec.backupTime(hour).isBefore(since))
                        .count();
            }
        }
        return new RepositorySize(
                directoryBytes(repositoryDirectory()),
                firstRepositoryBytes,
                firstStoreBytes,
                retained,
                everDelivered,
                storedBytes,
                keptHours.size(),
                placements,
                maxUnused);
    }

    /** The hours of the snapshots in the repository now. */
    private NavigableSet<Integer> keptHours() throws IOException {
        NavigableSet<Integer> hours = new TreeSet<>();
        for (Instant t : snapshotTimes()) {
            hours.add(hourOf(t));
        }
        return hours;
    }

    /**
     * Every message expunged within the policy's {@code --keep-deleted-within} span before the last backup must be
     * restorable as the store last held it. A message expunged between hour {@code h} and {@code h + 1} is in the
     * window when backup {@code h + 1} is (the ledger's {@code GoneBy} is that backup's time or, when a forget had
     * removed it already, a later one). When backup {@code h} is kept, that snapshot gives the message back, and
     * {@link #verifyKeptSnapshotsRestore} compares it whole; otherwise forget must have put it in the ledger, so the
     * product's own {@code restore --deleted-since} (the window's start) merges every mailbox's ledger into empty
     * mailbox directories, and each such message must be there in the folder it left (one of them when copies in
     * several were expunged in the same hour) with its content's digest (not its name: a merge into a folder
     * without {@code dovecot-keywords} drops keyword letters). Messages
     * expunged before the window may be gone after a prune and are only counted.
     */
    public DeletedMailCheck verifyDeletedMessagesRestorable() throws IOException {
        if (spec.thinning().deletedWithin().isEmpty()) {
            return DeletedMailCheck.OFF;
        }
        Instant since = deletedWindowStart();
        NavigableSet<Integer> keptHours = keptHours();
        int inWindow = 0;
        int beforeWindow = 0;
        List<MessageLives.Life> ledgerOnly = new ArrayList<>();
        for (MessageLives.Life life : lives.deleted()) {
            if (!expungedSince(life, since)) {
                beforeWindow++;
            } else {
                inWindow++;
                if (!keptHours.contains(life.lastHour)) {
                    ledgerOnly.add(life);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!ledgerOnly.isEmpty()) {
            Map<String, List<String>> restored = restoreDeletedSince(since);
            for (MessageLives.Life life : ledgerOnly) {
                List<String> paths = restored.getOrDefault(life.sha256, List.of());
                if (paths.stream().noneMatch(p -> life.folders.contains(MessageLives.folderOf(p)))) {
                    problems.add("message " + life.path + " (first seen at hour " + life.firstHour
                            + ", expunged after hour " + life.lastHour + " from " + life.folders + ") was not restored"
                            + " from the deleted-mail ledger into a folder it left; its content was restored as "
                            + paths);
                }
            }
        }
        return new DeletedMailCheck(inWindow, inWindow - ledgerOnly.size(), ledgerOnly.size(), beforeWindow, problems);
    }

    /**
     * {@code find --deleted-since} with the window's start must list exactly the messages expunged within the
     * window (as {@link #verifyDeletedMessagesRestorable} counts them), each once, identified by mailbox and GUID:
     * the churn never gives a message a new base, so its GUID is its base. One search of the catalog.
     */
    public DeletedMailFind verifyFindDeletedSince() throws IOException {
        if (spec.thinning().deletedWithin().isEmpty()) {
            return DeletedMailFind.OFF;
        }
        Instant since = deletedWindowStart();
        Set<String> expected = new TreeSet<>();
        for (MessageLives.Life life : lives.deleted()) {
            if (expungedSince(life, since)) {
                expected.add(life.mailbox() + " " + life.base);
            }
        }
        String json = cli(List.of(
                "find", "--deleted-since", since.toString(), "--limit", String.valueOf(Integer.MAX_VALUE), "--json"));
        Map<?, ?> found = (Map<?, ?>) Json.parse(json);
        List<String> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (Object hit : (List<?>) found.get("hits")) {
            Map<?, ?> h = (Map<?, ?>) hit;
            String key = h.get("mailbox") + " " + h.get("guid");
            if (!listed.add(key)) {
                problems.add("listed twice: " + key);
            } else if (!expected.contains(key)) {
                problems.add("listed, not expunged within the window: " + key + " (gone by " + h.get("goneBy") + ")");
            }
        }
        for (String key : expected) {
            if (!listed.contains(key)) {
                problems.add("expunged within the window, not listed: " + key);
            }
        }
        return new DeletedMailFind(expected.size(), listed.size(), problems);
    }

    /** The start of the {@code --keep-deleted-within} window, counted back from the last backup. */
    private Instant deletedWindowStart() {
        return spec.backupTime(hoursDone() - 1)
                .minus(spec.thinning().deletedWithin().get());
    }

    /**
     * Whether a message gone from the store was found gone by a backup at or after {@code since}: the one after its
     * last hour (the ledger's {@code GoneBy} is that backup's time, or later when a forget had removed it already).
     */
    private boolean expungedSince(MessageLives.Life life, Instant since) {
        return !spec.backupTime(life.lastHour + 1).isBefore(since);
    }

    /**
     * {@code restore -s latest --deleted-since since} of every mailbox, each merged into an empty directory of its
     * own; returns the paths (from the store root) of the restored messages by their content's digest.
     */
    private Map<String, List<String>> restoreDeletedSince(Instant since) throws IOException {
        Path target = work.resolve("deleted-check");
        deleteTree(target);
        for (String mailbox :
                lives.all().stream().map(MessageLives.Life::mailbox).distinct().toList()) {
            Files.createDirectories(target.resolve(mailbox)); // a merge goes into an existing mailbox
        }
        cli(List.of("restore", "-s", "latest", "--deleted-since", since.toString(), "--target", target.toString()));
        Map<String, List<String>> restored = new java.util.HashMap<>();
        for (StoreTree.Entry e : StoreTree.capture(target, EXACT).entries(StoreTree.Kind.MESSAGE)) {
            restored.computeIfAbsent(e.sha256(), d -> new ArrayList<>()).add(e.path());
        }
        deleteTree(target);
        return restored;
    }

    /** Whether {@link #verifyDeletedMessagesRestorable()} checks anything (the policy has the option). */
    public boolean checksDeletedMessages() {
        return spec.thinning().deletedWithin().isPresent();
    }

    private int hourOf(Instant time) {
        long seconds = time.getEpochSecond() - spec.start().getEpochSecond();
        if (seconds < 0 || seconds % 3600 != 0 || seconds / 3600 >= hoursDone()) {
            return -1;
        }
        return (int) (seconds / 3600);
    }

    static long directoryBytes(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0; // removed meanwhile
                        }
                    })
                    .sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            repository.close();
        } finally {
            storage.close();
        }
    }
}
