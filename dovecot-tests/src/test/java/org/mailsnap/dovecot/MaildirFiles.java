package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a Maildir folder holds on disk, seen the way a reader must see it: {@code new/} first, then {@code cur/}. */
final class MaildirFiles {

    private MaildirFiles() {}

    /** The message files of a folder directory, {@code new/} before {@code cur/}, without dot files. */
    static List<Path> messageFiles(Path folderDir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> entries = Files.list(folderDir.resolve(sub))) {
                entries.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            } catch (NoSuchFileException e) {
                // Dovecot creates new/ and cur/ lazily; a folder without them holds no messages
            }
        }
        return files;
    }

    /** The base of a Maildir file name: everything before the first {@code :}. */
    static String base(Path file) {
        String name = file.getFileName().toString();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The files of the folder whose base is {@code base} (more than one would be a duplicate). */
    static List<Path> withBase(Path folderDir, String base) throws IOException {
        return messageFiles(folderDir).stream()
                .filter(p -> base(p).equals(base))
                .toList();
    }

    /** The single message file of a folder; fails when there is not exactly one. */
    static Path onlyMessage(Path folderDir) throws IOException {
        List<Path> files = messageFiles(folderDir);
        if (files.size() != 1) {
            throw new AssertionError("expected exactly one message file in " + folderDir + ", found " + files);
        }
        return files.get(0);
    }

    static long inode(Path file) throws IOException {
        return (Long) Files.getAttribute(file, "unix:ino");
    }

    static int linkCount(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:nlink");
    }
}
