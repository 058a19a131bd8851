package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.FileNames;
import org.mailsnap.maildir.MalformedControlFileException;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.snapshot.BaseNames;

/**
 * The messages now in a live mailbox, in any folder (any {@code cur/} or {@code new/} directory under the mailbox
 * root, Maildir++ or {@code LAYOUT=fs}), by base and by Dovecot GUID, so a merge restore never writes a message the
 * mailbox already has, under its base or under another one Dovecot gave it when it was moved back into a folder
 * that knew its base. GUIDs come from each folder's {@code dovecot-uidlist}, read once, without Dovecot's lock
 * (a half-appended last line is skipped, as Dovecot skips it) and never written.
 */
final class ExistingBases {
    /** Where a live message is: its folder (relative to the mailbox root, {@code ""} for INBOX) and file name. */
    record Holder(String folder, String name) {}

    private final Map<String, Holder> byBase;
    private final Map<String, Holder> byGuid;

    private ExistingBases(Map<String, Holder> byBase, Map<String, Holder> byGuid) {
        this.byBase = byBase;
        this.byGuid = byGuid;
    }

    static ExistingBases none() {
        return new ExistingBases(Map.of(), Map.of());
    }

    static ExistingBases scan(Path mailboxRoot, BaseNames bases) throws IOException {
        Map<String, Holder> byBase = new HashMap<>();
        Map<String, Holder> byGuid = new HashMap<>();
        if (!Files.isDirectory(mailboxRoot, LinkOption.NOFOLLOW_LINKS)) {
            return new ExistingBases(byBase, byGuid);
        }
        Files.walkFileTree(mailboxRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = FileNames.nameOf(dir);
                if (name.equals("tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if ((name.equals("cur") || name.equals("new")) && !dir.equals(mailboxRoot)) {
                    Path folderDir = dir.getParent();
                    String folder = FileNames.relativeName(mailboxRoot, folderDir);
                    Map<String, String> guids = guidsByBase(folderDir);
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                        for (Path f : files) {
                            String file = FileNames.nameOf(f);
                            if (!file.startsWith(".")) {
                                String base = bases.baseOf(file);
                                Holder holder = new Holder(folder, file);
                                byBase.putIfAbsent(base, holder);
                                byGuid.putIfAbsent(guids.getOrDefault(base, base), holder);
                            }
                        }
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new ExistingBases(byBase, byGuid);
    }

    private static Map<String, String> guidsByBase(Path folderDir) throws IOException {
        Path file = folderDir.resolve(ControlFiles.UIDLIST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        try {
            return Uidlist.parse(Files.readAllBytes(file), file.toString()).guidsByBase();
        } catch (NoSuchFileException | MalformedControlFileException unusable) {
            return Map.of(); // Dovecot itself would rebuild it: every message's GUID is then its base
        }
    }

    /**
     * The live message that is the snapshot's message of this base and GUID, if any: one with the same base, else
     * one with the same GUID under another base.
     */
    Holder holderOf(String base, String guid) {
        Holder sameBase = byBase.get(base);
        return sameBase != null ? sameBase : byGuid.get(guid);
    }

    boolean isEmpty() {
        return byBase.isEmpty();
    }
}
