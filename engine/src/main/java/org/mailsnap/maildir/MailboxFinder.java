package org.mailsnap.maildir;

import org.mailsnap.fs.FileNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;

/**
 * Finds every mailbox below a store directory, and the folders of each.
 *
 * <p>A mailbox is a directory with {@code cur/ new/ tmp/}; the walk does not descend into a mailbox (what is below
 * belongs to its folders). Symbolic links are never followed, so nothing outside the store is read and a link loop
 * ends the walk of that branch. Results are sorted, so two runs over the same tree see the same order.
 */
public final class MailboxFinder {
    /** Dovecot renames a folder to this before deleting it. */
    static final String TRASHED_PREFIX = "..DOVECOT-TRASHED";
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final StoreLayout layout;

    public MailboxFinder(StoreLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Every mailbox under {@code store}, sorted by name. */
    public List<Mailbox> find(Path store) throws IOException {
        Path root = store.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(FileNames.printable(store), null, "the mail store is not a directory");
        }
        List<Mailbox> found = new ArrayList<>();
        walk(root, root, found);
        found.sort(Comparator.comparing(Mailbox::name));
        return found;
    }

    /** The folders of the mailbox rooted at {@code root}, INBOX first. */
    public Mailbox mailboxAt(Path store, Path root) throws IOException {
        String name = relativeName(store, root);
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(new FolderKey(name, ""), root));
        if (layout == StoreLayout.MAILDIR_PLUS_PLUS) {
            for (Path child : sortedSubdirectories(root)) {
                String dirName = FileNames.nameOf(child);
                if (isMaildirPlusPlusFolderName(dirName) && hasMailDirs(child)) {
                    folders.add(new MailFolder(new FolderKey(name, dirName), child));
                }
            }
        } else {
            collectFsFolders(name, root, root, folders);
        }
        folders.sort(null);
        return new Mailbox(name, root, folders);
    }

    private void walk(Path store, Path dir, List<Mailbox> found) throws IOException {
        if (isMaildirRoot(dir)) {
            found.add(mailboxAt(store, dir));
            return;
        }
        for (Path child : sortedSubdirectories(dir)) {
            walk(store, child, found);
        }
    }

    private void collectFsFolders(String mailbox, Path root, Path dir, List<MailFolder> out) throws IOException {
        for (Path child : sortedSubdirectories(dir)) {
            String dirName = FileNames.nameOf(child);
            if (dirName.startsWith(".") || isMailDirName(dirName)) {
                continue;
            }
            if (hasMailDirs(child)) {
                out.add(new MailFolder(new FolderKey(mailbox, relativeName(root, child)), child));
            }
            collectFsFolders(mailbox, root, child, out);
        }
    }

    static boolean isMaildirRoot(Path dir) {
        return hasMailDirs(dir) && Files.isDirectory(FileNames.child(dir, "tmp"), NO_FOLLOW);
    }

    private static boolean hasMailDirs(Path dir) {
        return Files.isDirectory(FileNames.child(dir, "cur"), NO_FOLLOW)
                && Files.isDirectory(FileNames.child(dir, "new"), NO_FOLLOW);
    }

    private static boolean isMailDirName(String name) {
        return name.equals("cur") || name.equals("new") || name.equals("tmp");
    }

    private static boolean isMaildirPlusPlusFolderName(String name) {
        return name.length() > 1 && name.startsWith(".") && !name.equals("..") && !name.startsWith(TRASHED_PREFIX);
    }

    /** Real subdirectories (no symbolic links), sorted by name. A directory that vanished has none. */
    private static List<Path> sortedSubdirectories(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, NO_FOLLOW)) {
                    dirs.add(entry);
                }
            }
        } catch (NoSuchFileException vanished) {
            return List.of();
        }
        dirs.sort((a, b) -> NameBytes.compare(FileNames.nameOf(a), FileNames.nameOf(b)));
        return dirs;
    }

    private static String relativeName(Path base, Path dir) {
        return FileNames.relativeName(base, dir);
    }
}
