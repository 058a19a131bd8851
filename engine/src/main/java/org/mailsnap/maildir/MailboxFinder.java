package org.mailsnap.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.fs.FileNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;

/**
 * Finds every mailbox below a store directory, and the folders of each.
 *
 * <p>A mailbox is a directory with {@code cur/ new/ tmp/}; the walk does not descend into a mailbox (what is below
 * belongs to its folders). Symbolic links are never followed, so nothing outside the store is read and a link loop
 * ends the walk of that branch; each link where a mailbox, a folder, or a {@code cur/}, {@code new/} or {@code tmp/}
 * could be is reported (one line each), since what is behind it is not backed up. The folders of two mailboxes are
 * looked for at a time; results are sorted and reports come in the walk's order, so two runs over the same tree see
 * the same order.
 *
 * <p>Each folder found carries the mtimes of its {@code new/} and {@code cur/} as the finder saw them (the same
 * {@code lstat} that tells they are directories), so the capture does not stat them again on the run's one thread.
 * A backup hands in the root listings of its last run ({@link MailboxRootListing}): a Maildir++ mailbox whose root
 * did not change since takes its folders from there, one {@code lstat} of the root instead of reading it and looking
 * at each entry.
 */
public final class MailboxFinder {
    /** Dovecot renames a folder to this before deleting it. */
    static final String TRASHED_PREFIX = "..DOVECOT-TRASHED";

    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    /**
     * Mailboxes whose folders are looked for at once: the work is {@code readdir} and {@code lstat}, which wait for
     * the disk when the inodes are not cached, and two at a time use both cores of a small server.
     */
    private static final int THREADS = 2;

    private final StoreLayout layout;
    private final Clock listingClock;
    private final long granularityNanos;

    /** A finder whose listings are timed by the system clock. */
    public MailboxFinder(StoreLayout layout) {
        this(layout, Clock.systemUTC());
    }

    /**
     * @param listingClock the time a mailbox root's listing is taken at, comparable with its mtime (a filesystem
     *                     snapshot's creation time when reading one)
     */
    public MailboxFinder(StoreLayout layout, Clock listingClock) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.listingClock = Objects.requireNonNull(listingClock, "listingClock");
        this.granularityNanos = DirectoryTimes.SAFE_GRANULARITY.toNanos();
    }

    /**
     * What {@link #find(Path, Consumer, Map)} found.
     *
     * @param mailboxes every mailbox, sorted by name
     * @param listings  by mailbox name, the root listing to keep for the next run (reused or new); absent for a
     *                  mailbox whose root must be read again next time (and for every mailbox of the file-system
     *                  layout, whose folders nest)
     */
    public record Finding(List<Mailbox> mailboxes, Map<String, MailboxRootListing> listings) {}

    /** Every mailbox under {@code store}, sorted by name. */
    public List<Mailbox> find(Path store) throws IOException {
        return find(store, notFollowed -> {});
    }

    /**
     * Every mailbox under {@code store}, sorted by name; each symbolic link standing where a mailbox, a folder or its
     * {@code cur/}/{@code new/}/{@code tmp/} would be goes to {@code notFollowed} as one line naming it (what is
     * behind it is not backed up).
     */
    public List<Mailbox> find(Path store, Consumer<String> notFollowed) throws IOException {
        return find(store, notFollowed, Map.of()).mailboxes();
    }

    /**
     * As {@link #find(Path, Consumer)}, taking a Maildir++ mailbox's folders from its listing in {@code known} (by
     * mailbox name) when its root's mtime says that listing still holds; the links the listing names are reported
     * again. Every mailbox root is still found by the walk, which also checks its {@code cur/ new/ tmp/}.
     */
    public Finding find(Path store, Consumer<String> notFollowed, Map<String, MailboxRootListing> known)
            throws IOException {
        Path root = store.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(FileNames.printable(store), null, "the mail store is not a directory");
        }
        List<Root> roots = new ArrayList<>();
        List<WalkReport> walkReports = new ArrayList<>();
        walk(root, root, roots, line -> walkReports.add(new WalkReport(roots.size(), line)));
        List<Found> found = foldersOfEach(root, roots, known);
        // reported in the walk's order, whichever thread found them
        List<Mailbox> mailboxes = new ArrayList<>();
        Map<String, MailboxRootListing> listings = new HashMap<>();
        int nextWalkReport = 0;
        for (int i = 0; i <= found.size(); i++) {
            while (nextWalkReport < walkReports.size()
                    && walkReports.get(nextWalkReport).rootsBefore() == i) {
                notFollowed.accept(walkReports.get(nextWalkReport++).line());
            }
            if (i < found.size()) {
                Found f = found.get(i);
                f.notFollowed().forEach(notFollowed);
                mailboxes.add(f.mailbox());
                if (f.listing() != null) {
                    listings.put(f.mailbox().name(), f.listing());
                }
            }
        }
        mailboxes.sort(Comparator.comparing(Mailbox::name));
        return new Finding(mailboxes, listings);
    }

    /** A link the walk above the mailboxes reported, after {@code rootsBefore} mailbox roots. */
    private record WalkReport(int rootsBefore, String line) {}

    /** A mailbox root the walk found, with the mtimes of its {@code new/} and {@code cur/}. */
    private record Root(Path dir, FolderTimes times) {}

    /** A mailbox, the links found in it, and its root's listing to keep (null: read the root again next time). */
    private record Found(Mailbox mailbox, List<String> notFollowed, MailboxRootListing listing) {}

    /** The folders of each mailbox, {@link #THREADS} mailboxes at a time, in the order of {@code roots}. */
    private List<Found> foldersOfEach(Path store, List<Root> roots, Map<String, MailboxRootListing> known)
            throws IOException {
        try (BoundedWorkers workers = new BoundedWorkers("mailsnap-find", THREADS, "finding mailboxes")) {
            return workers.map(roots, root -> {
                List<String> links = new ArrayList<>();
                String name = FileNames.relativeName(store, root.dir());
                return layout == StoreLayout.MAILDIR_PLUS_PLUS
                        ? plusPlusMailbox(store, name, root, known.get(name), links)
                        : new Found(fsMailbox(store, name, root, links::add), links, null);
            });
        }
    }

    /** The folders of the mailbox rooted at {@code root}, INBOX first. */
    public Mailbox mailboxAt(Path store, Path root) throws IOException {
        String name = FileNames.relativeName(store, root);
        Root at = new Root(root, FolderTimes.ifFolder(root));
        return layout == StoreLayout.MAILDIR_PLUS_PLUS
                ? plusPlusMailbox(store, name, at, null, new ArrayList<>()).mailbox()
                : fsMailbox(store, name, at, notFollowed -> {});
    }

    /**
     * A Maildir++ mailbox: its folders are the root's {@code .Name} directories that hold {@code cur/} and
     * {@code new/}, or those of {@code before} when the root's mtime says it still holds. The listing's time is taken
     * before the root's mtime, so a change while the root is read leaves an mtime the next run does not trust.
     */
    private Found plusPlusMailbox(Path store, String name, Root root, MailboxRootListing before, List<String> lines)
            throws IOException {
        long listedAt = DirectoryTimes.epochNanos(listingClock.instant());
        long mtime;
        try {
            mtime = DirectoryTimes.mtimeNanos(root.dir());
        } catch (IOException vanishedOrNotSearchable) {
            return readRoot(store, name, root, lines, (folders, links) -> null); // read it; keep no listing
        }
        if (before != null && before.stillHolds(mtime, granularityNanos)) {
            return fromListing(store, name, root, before, lines);
        }
        return readRoot(
                store, name, root, lines, (folders, links) -> new MailboxRootListing(mtime, listedAt, folders, links));
    }

    /** The folders {@code listing} names, each looked at again; the listing is kept while each is still a folder. */
    private static Found fromListing(
            Path store, String name, Root root, MailboxRootListing listing, List<String> lines) {
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(new FolderKey(name, ""), root.dir(), root.times()));
        boolean allStillFolders = true;
        for (String folder : listing.folders()) {
            Path child = FileNames.child(root.dir(), folder);
            FolderTimes times = FolderTimes.ifFolder(child);
            if (times != null) {
                folders.add(new MailFolder(new FolderKey(name, folder), child, times));
            } else { // its cur/ or new/ went, or became a link: as a read of the root would see it
                allStillFolders = false;
                reportLinkedMailDirs(store, child, "folder", lines::add);
            }
        }
        for (String link : listing.links()) {
            reportLink(store, FileNames.child(root.dir(), link), "folder", lines::add);
        }
        folders.sort(null);
        return new Found(new Mailbox(name, root.dir(), folders), lines, allStillFolders ? listing : null);
    }

    /**
     * The folders found by reading the root; when every candidate entry was a folder or a link, {@code listing} makes
     * the listing to keep from the folders' and links' names (it may give null: keep none).
     */
    private static Found readRoot(
            Path store,
            String name,
            Root root,
            List<String> lines,
            BiFunction<List<String>, List<String>, MailboxRootListing> listing)
            throws IOException {
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(new FolderKey(name, ""), root.dir(), root.times()));
        List<Path> links = new ArrayList<>();
        List<String> folderNames = new ArrayList<>();
        boolean onlyFoldersAndLinks = true;
        for (Path child : sortedSubdirectories(root.dir(), MailboxFinder::isMaildirPlusPlusFolderName, links)) {
            FolderTimes times = FolderTimes.ifFolder(child);
            if (times != null) {
                folders.add(new MailFolder(new FolderKey(name, FileNames.nameOf(child)), child, times));
                folderNames.add(FileNames.nameOf(child));
            } else {
                onlyFoldersAndLinks = false;
                reportLinkedMailDirs(store, child, "folder", lines::add);
            }
        }
        List<String> linkNames = new ArrayList<>();
        for (Path link : links) {
            reportLink(store, link, "folder", lines::add);
            linkNames.add(FileNames.nameOf(link));
        }
        folders.sort(null);
        return new Found(
                new Mailbox(name, root.dir(), folders),
                lines,
                onlyFoldersAndLinks ? listing.apply(folderNames, linkNames) : null);
    }

    /** A mailbox of the file-system layout: its folders nest, so every level is read every time. */
    private Mailbox fsMailbox(Path store, String name, Root at, Consumer<String> notFollowed) throws IOException {
        Path root = at.dir();
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(new FolderKey(name, ""), root, at.times()));
        collectFsFolders(store, name, root, root, folders, notFollowed);
        folders.sort(null);
        return new Mailbox(name, root, folders);
    }

    /** Collects the mailbox roots at and below {@code dir} into {@code roots}, reporting links above them. */
    private void walk(Path store, Path dir, List<Root> roots, Consumer<String> notFollowed) throws IOException {
        FolderTimes times = FolderTimes.ifFolder(dir);
        if (times != null && Files.isDirectory(FileNames.child(dir, "tmp"), NO_FOLLOW)) {
            roots.add(new Root(dir, times));
            return;
        }
        if (reportLinkedMailDirs(store, dir, "mailbox", notFollowed)) {
            return; // its folders would otherwise be taken for mailboxes
        }
        List<Path> links = new ArrayList<>();
        for (Path child : sortedSubdirectories(dir, anyName -> true, links)) {
            walk(store, child, roots, notFollowed);
        }
        for (Path link : links) {
            if (Files.isDirectory(link)) {
                reportLink(store, link, "directory of the store", notFollowed);
            }
        }
    }

    private void collectFsFolders(
            Path store, String mailbox, Path root, Path dir, List<MailFolder> out, Consumer<String> notFollowed)
            throws IOException {
        List<Path> links = new ArrayList<>();
        for (Path child : sortedSubdirectories(dir, MailboxFinder::isFsFolderName, links)) {
            FolderTimes times = FolderTimes.ifFolder(child);
            if (times != null) {
                out.add(new MailFolder(new FolderKey(mailbox, FileNames.relativeName(root, child)), child, times));
            } else {
                reportLinkedMailDirs(store, child, "folder", notFollowed);
            }
            collectFsFolders(store, mailbox, root, child, out, notFollowed);
        }
        for (Path link : links) {
            if (Files.isDirectory(link)) {
                reportLink(store, link, "folder", notFollowed);
            }
        }
    }

    /**
     * Reports {@code dir} when its {@code cur/} or {@code new/} (or a mailbox's {@code tmp/}) is a symbolic link
     * and the rest is there: a mailbox or folder that is skipped because of the link. True when reported.
     */
    private static boolean reportLinkedMailDirs(Path store, Path dir, String what, Consumer<String> notFollowed) {
        List<String> linked = new ArrayList<>();
        for (String mailDir : new String[] {"cur", "new", "tmp"}) {
            Path p = dir.resolve(mailDir);
            if (Files.isSymbolicLink(p)) {
                linked.add(mailDir + "/");
            } else if (!Files.isDirectory(p, NO_FOLLOW) && !mailDir.equals("tmp")) {
                return false; // not a maildir at all
            }
        }
        if (linked.isEmpty()) {
            return false;
        }
        notFollowed.accept(
                display(store, dir) + ": " + String.join(" and ", linked) + (linked.size() == 1 ? " is" : " are")
                        + " a symbolic link, not followed: this " + what + " is not backed up");
        return true;
    }

    private static void reportLink(Path store, Path link, String what, Consumer<String> notFollowed) {
        notFollowed.accept(display(store, link) + ": a symbolic link where a " + what + " could be, not followed:"
                + " nothing behind it is backed up");
    }

    private static String display(Path store, Path path) {
        String relative = FileNames.relativeName(store, path);
        return relative.isEmpty() ? store.toString() : relative;
    }

    private static boolean isMailDirName(String name) {
        return name.equals("cur") || name.equals("new") || name.equals("tmp");
    }

    /** A directory below a mailbox root of the file-system layout that may be a folder (or hold folders). */
    private static boolean isFsFolderName(String name) {
        return !name.startsWith(".") && !isMailDirName(name);
    }

    private static boolean isMaildirPlusPlusFolderName(String name) {
        return name.length() > 1 && name.startsWith(".") && !name.equals("..") && !name.startsWith(TRASHED_PREFIX);
    }

    /**
     * Real subdirectories (no symbolic links) whose names are {@code candidate}s, sorted by name; the symbolic links
     * among those entries go to {@code links}, sorted likewise. Only candidates are looked at ({@code lstat}, once each): at a million
     * messages the mailbox roots' other entries (index and control files, {@code cur/ new/ tmp/}) were a fifth of a
     * no-change run's calls ({@code benchmarks/results/2026-12-06-no-change-1m}). A directory or entry that vanished
     * has none; an entry that cannot be looked at is neither.
     */
    private static List<Path> sortedSubdirectories(Path dir, Predicate<String> candidate, List<Path> links)
            throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!candidate.test(FileNames.nameOf(entry))) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
                } catch (IOException vanishedOrNotSearchable) {
                    continue; // as an entry that is neither a directory nor a link
                }
                if (attributes.isDirectory()) {
                    dirs.add(entry);
                } else if (attributes.isSymbolicLink()) {
                    links.add(entry);
                }
            }
        } catch (NoSuchFileException vanished) {
            return List.of();
        }
        Comparator<Path> byName = (a, b) -> NameBytes.compare(FileNames.nameOf(a), FileNames.nameOf(b));
        dirs.sort(byName);
        links.sort(byName);
        return dirs;
    }
}
