package org.mailsnap.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.model.FolderKey;

/**
 * Opens, creating what is missing, the directories a folder's restore writes into, one name at a time from the
 * target's handle and never through a link (see {@link org.mailsnap.fs}): the mailbox root, the folder, and their
 * {@code cur/ new/ tmp/}.
 */
record TargetDirs(DirHandle root, MaildirFileWriter writer, TargetDirs.Hook hook) {
    private static final List<String> MAILDIR = List.of("cur", "new", "tmp");

    /** For tests: called before each directory below the target is opened or created (to race it). */
    @FunctionalInterface
    interface Hook {
        void beforeOpen(DirHandle parent, String name) throws IOException;
    }

    /**
     * The folder's directories. In an exact copy the mailbox root gets {@code cur/ new/ tmp/} too; in a merge, a
     * folder this call creates gets its {@code maildirfolder} marker and a line in {@code notes}.
     *
     * @throws org.mailsnap.fs.SymlinkRefusedException     a link stands where a directory should be
     * @throws java.nio.file.NotDirectoryException          another kind of file stands there
     * @throws java.nio.file.NoSuchFileException            it was removed or renamed between creating and opening
     */
    FolderDirs open(TargetPaths paths, FolderKey key, boolean exact, List<String> notes) throws IOException {
        List<String> folderNames = paths.folderDir(key);
        try (DirHandle mailbox = walk(root, paths.mailboxRoot(key))) {
            if (exact) {
                for (String sub : MAILDIR) {
                    directory(mailbox, sub, () -> {}).close();
                }
            }
            DirHandle folder = folderNames.isEmpty() ? mailbox.duplicate() : null;
            if (folder == null) {
                try (DirHandle parent = walk(mailbox, folderNames.subList(0, folderNames.size() - 1))) {
                    AtomicBoolean created = new AtomicBoolean();
                    folder = directory(parent, folderNames.get(folderNames.size() - 1), () -> created.set(true));
                    if (created.get() && !exact) {
                        // A folder the live mailbox no longer has, as Dovecot would find it; never in the root,
                        // where the marker would break quota (maildir-facts.md).
                        try {
                            writer.createEmptyFile(folder, ControlFiles.MAILDIRFOLDER);
                        } catch (IOException | RuntimeException e) {
                            folder.close();
                            throw e;
                        }
                        notes.add("created folder " + key);
                    }
                }
            }
            return subdirectories(folder);
        }
    }

    /** {@code cur/ new/ tmp/} of {@code folder}, which the result then owns (closed with them). */
    private FolderDirs subdirectories(DirHandle folder) throws IOException {
        List<DirHandle> opened = new ArrayList<>(3);
        try {
            for (String sub : MAILDIR) {
                opened.add(directory(folder, sub, () -> {}));
            }
            return new FolderDirs(folder, opened.get(0), opened.get(1), opened.get(2));
        } catch (IOException | RuntimeException e) {
            opened.forEach(DirHandle::close);
            folder.close();
            throw e;
        }
    }

    /** The directory reached by {@code names} from {@code from}, creating what is missing: a new handle. */
    private DirHandle walk(DirHandle from, List<String> names) throws IOException {
        DirHandle current = from.duplicate();
        try {
            for (String name : names) {
                DirHandle next = directory(current, name, () -> {});
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private DirHandle directory(DirHandle parent, String name, Runnable whenCreated) throws IOException {
        hook.beforeOpen(parent, name);
        return writer.directory(parent, name, whenCreated);
    }
}
