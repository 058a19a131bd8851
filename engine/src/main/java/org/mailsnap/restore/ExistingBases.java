package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import org.mailsnap.maildir.FileNames;
import org.mailsnap.snapshot.BaseNames;

/**
 * The bases of every message now in a live mailbox, in any folder (any {@code cur/} or {@code new/} directory under
 * the mailbox root, Maildir++ or {@code LAYOUT=fs}), so a merge restore never writes a base the mailbox already has.
 */
final class ExistingBases {
    private ExistingBases() {}

    static Set<String> scan(Path mailboxRoot, BaseNames bases) throws IOException {
        Set<String> found = new HashSet<>();
        if (!Files.isDirectory(mailboxRoot, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        Files.walkFileTree(mailboxRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = FileNames.nameOf(dir);
                if (name.equals("tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if ((name.equals("cur") || name.equals("new")) && !dir.equals(mailboxRoot)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                        for (Path f : files) {
                            String file = FileNames.nameOf(f);
                            if (!file.startsWith(".")) {
                                found.add(bases.baseOf(file));
                            }
                        }
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
