package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A mailbox of a live store: its root, owner and folders. */
final class LiveMailbox {
    final Path root;
    final Address owner;
    final List<LiveFolder> folders;

    private LiveMailbox(Path root, Address owner, List<LiveFolder> folders) {
        this.root = root;
        this.owner = owner;
        this.folders = folders;
    }

    /**
     * The mailboxes of a store in path order: {@code store} itself when it has a {@code cur/}, else every directory
     * with a {@code cur/} one or two levels below ({@code <user>} or {@code <domain>/<user>}).
     */
    static List<LiveMailbox> scan(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            throw new IOException(store + ": not a directory");
        }
        List<LiveMailbox> mailboxes = new ArrayList<>();
        if (Files.isDirectory(store.resolve("cur"))) {
            mailboxes.add(open(store));
            return mailboxes;
        }
        for (Path child : sortedDirectories(store)) {
            if (Files.isDirectory(child.resolve("cur"))) {
                mailboxes.add(open(child));
                continue;
            }
            for (Path grandchild : sortedDirectories(child)) {
                if (Files.isDirectory(grandchild.resolve("cur"))) {
                    mailboxes.add(open(grandchild));
                }
            }
        }
        if (mailboxes.isEmpty()) {
            throw new IOException(store + ": no Maildir mailbox (a directory with cur/) at depth 0, 1 or 2");
        }
        return mailboxes;
    }

    LiveFolder folder(String directory) {
        for (LiveFolder folder : folders) {
            if (folder.directory.equals(directory)) {
                return folder;
            }
        }
        return null;
    }

    private static LiveMailbox open(Path root) throws IOException {
        Path parent = root.getParent();
        String domain = parent == null || parent.getFileName() == null
                ? "localhost"
                : parent.getFileName().toString();
        if (!domain.contains(".")) {
            domain = "localhost";
        }
        Address owner = Address.ofMailbox(domain, root.getFileName().toString());
        return new LiveMailbox(root, owner, LiveFolder.foldersOf(root));
    }

    private static List<Path> sortedDirectories(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p ->
                            Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
