package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of a live store as the churn simulator sees and changes it: the names in {@code new/} and {@code cur/},
 * its uidlist and keywords, and the uidlist changes owed at the end of the hour. Control files are replaced the way
 * Dovecot does it: the new content goes into the {@code .lock} file created with {@code O_EXCL}, which is then
 * renamed over the old file.
 */
final class LiveFolder {
    final Path dir;
    /** "" for INBOX, else {@code .Name}. */
    final String directory;

    final List<String> fresh;
    final List<String> cur;
    final Set<String> bases = new HashSet<>();
    final UidlistWriter uidlist;
    final Keywords keywords;
    private final Set<String> expunged = new LinkedHashSet<>();
    private final List<String> appended = new ArrayList<>();

    private LiveFolder(Path dir, String directory) throws IOException {
        this.dir = dir;
        this.directory = directory;
        fresh = list(dir.resolve("new"));
        cur = list(dir.resolve("cur"));
        for (String name : fresh) {
            bases.add(MaildirName.baseOf(name));
        }
        for (String name : cur) {
            bases.add(MaildirName.baseOf(name));
        }
        uidlist = UidlistWriter.read(dir);
        keywords = Keywords.read(dir);
        Path lock = dir.resolve(UidlistWriter.FILE + ".lock");
        if (Files.exists(lock)) {
            throw new IOException(lock + " exists: Dovecot or a backup holds this folder; churn would race with it");
        }
    }

    /** The mailbox root's folders: INBOX, then every {@code .Name} directory with a {@code cur/}, sorted. */
    static List<LiveFolder> foldersOf(Path mailboxRoot) throws IOException {
        List<LiveFolder> folders = new ArrayList<>();
        folders.add(new LiveFolder(mailboxRoot, ""));
        try (Stream<Path> children = Files.list(mailboxRoot)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") && !name.startsWith("..") && Files.isDirectory(child.resolve("cur"))) {
                    folders.add(new LiveFolder(child, name));
                }
            }
        }
        return folders;
    }

    boolean isListFolder() {
        return directory.startsWith(".Lists.");
    }

    int messages() {
        return fresh.size() + cur.size();
    }

    void recordExpunge(String base) {
        bases.remove(base);
        expunged.add(base);
    }

    void recordArrival(String base) {
        bases.add(base);
        appended.add(base);
    }

    /** Keeps {@code dovecot-keywords} in step before any file name uses a newly defined letter. */
    void saveKeywordsIfChanged() throws IOException {
        if (keywords.changed()) {
            replaceControlFile(Keywords.FILE, keywords.fileContent());
            keywords.markSaved();
        }
    }

    /**
     * Brings {@code dovecot-uidlist} up to date: a rewrite without the expunged bases when there are any (with
     * {@code N} settled), otherwise the new records appended in place, as Dovecot does. Folders without a uidlist
     * are left for Dovecot to build.
     */
    void saveUidlist() throws IOException {
        if (uidlist == null || (expunged.isEmpty() && appended.isEmpty())) {
            return;
        }
        Path file = dir.resolve(UidlistWriter.FILE);
        Path lock = createLock(UidlistWriter.FILE);
        try {
            if (expunged.isEmpty()) {
                StringBuilder records = new StringBuilder();
                for (String base : appended) {
                    records.append(uidlist.add(base));
                }
                Files.write(file, records.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            } else {
                uidlist.remove(expunged);
                for (String base : appended) {
                    uidlist.add(base);
                }
                uidlist.settleNextUid(0);
                Files.write(lock, uidlist.fileContent(), StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(lock, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(lock);
        }
        expunged.clear();
        appended.clear();
    }

    private void replaceControlFile(String name, byte[] content) throws IOException {
        Path lock = createLock(name);
        try {
            Files.write(lock, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(lock, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    /** A dotlock as Dovecot makes it: created exclusively, holding {@code <pid>:<host>}. */
    private Path createLock(String name) throws IOException {
        Path lock = dir.resolve(name + ".lock");
        try {
            Files.write(
                    lock,
                    (ProcessHandle.current().pid() + ":mailgen").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IOException(lock + " appeared while churning: someone else locked this folder", e);
        }
        return lock;
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList());
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
