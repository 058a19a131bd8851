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
import java.util.Set;
import java.util.function.Supplier;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.maildir.MalformedControlFileException;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.model.BaseNames;

/**
 * The messages now in a live mailbox, in any folder (any {@code cur/} or {@code new/} directory under the mailbox
 * root, Maildir++ or {@code LAYOUT=fs}), by base and by Dovecot GUID, so a merge restore never writes a message the
 * mailbox already has, under its base or under another one Dovecot gave it when it was moved back into a folder
 * that knew its base. GUIDs come from each folder's {@code dovecot-uidlist}, read once, without Dovecot's lock
 * (a half-appended last line is skipped, as Dovecot skips it) and never written.
 *
 * <p>The same read tells which bases a folder's uidlist still lists without a file: Dovecot keeps the record of a
 * message expunged or moved out until it rewrites the list, and a file that appears under such a base is to Dovecot
 * an expunged message that reappeared (it logs a warning and gives it a new UID). {@link #freeBase} picks the base a
 * merge writes a message under so that never happens, and so that a re-based message keeps its GUID.
 */
final class ExistingBases {
    /** Where a live message is: its folder (relative to the mailbox root, {@code ""} for INBOX) and file name. */
    record Holder(String folder, String name) {}

    private final Map<String, Holder> byBase;
    private final Map<String, Holder> byGuid;
    /** Folder (relative to the mailbox root, {@code ""} for INBOX) to the bases its live uidlist lists. */
    private final Map<String, Set<String>> listed;

    private ExistingBases(Map<String, Holder> byBase, Map<String, Holder> byGuid, Map<String, Set<String>> listed) {
        this.byBase = byBase;
        this.byGuid = byGuid;
        this.listed = listed;
    }

    static ExistingBases none() {
        return new ExistingBases(Map.of(), Map.of(), Map.of());
    }

    static ExistingBases scan(Path mailboxRoot, BaseNames bases) throws IOException {
        Map<String, Holder> byBase = new HashMap<>();
        Map<String, Holder> byGuid = new HashMap<>();
        Map<String, Set<String>> listed = new HashMap<>();
        if (!Files.isDirectory(mailboxRoot, LinkOption.NOFOLLOW_LINKS)) {
            return new ExistingBases(byBase, byGuid, listed);
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
                    Uidlist uidlist = liveUidlist(folderDir);
                    Map<String, String> guids = uidlist == null ? Map.of() : uidlist.guidsByBase();
                    if (uidlist != null) {
                        listed.put(folder, uidlist.uidsByBase().keySet());
                    }
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
        return new ExistingBases(byBase, byGuid, listed);
    }

    /** The folder's live uidlist, or null when it has none or one Dovecot would rebuild. */
    private static Uidlist liveUidlist(Path folderDir) throws IOException {
        Path file = folderDir.resolve(ControlFiles.UIDLIST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Uidlist.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException | MalformedControlFileException unusable) {
            return null; // Dovecot itself would rebuild it: every message's GUID is then its base
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

    /**
     * The base to write a missing message under in {@code folder} (relative to the mailbox root, "" for INBOX). A merge cannot write the uidlist's
     * {@code G} extension, so a message whose GUID is not its base is written under its GUID (the base Dovecot first
     * gave it) when no live file has that base or GUID and the folder's uidlist does not list it: Dovecot then reports
     * the same GUID as before. Otherwise its own base, unless the folder's live uidlist still lists that; else
     * {@code fresh}, a new unique base.
     */
    String freeBase(String folder, String base, String guid, Supplier<String> fresh) {
        Set<String> known = listed.getOrDefault(folder, Set.of());
        if (!guid.equals(base) && !known.contains(guid) && !byBase.containsKey(guid) && !byGuid.containsKey(guid)) {
            return guid;
        }
        return known.contains(base) ? fresh.get() : base;
    }
}
