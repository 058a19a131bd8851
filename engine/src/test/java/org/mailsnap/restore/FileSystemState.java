package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything about a directory tree a restore could change, read without following links: per path its kind, then
 * a file's SHA-256, a link's target, and for all owner, group, mode and mtime. Two captures are equal when nothing
 * changed.
 */
final class FileSystemState {
    private FileSystemState() {}

    /** The state of everything under {@code root} except the subtrees {@code excluded}. */
    static Map<String, String> capture(Path root, Set<Path> excluded) throws IOException {
        Map<String, String> state = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (excluded.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                state.put(root.relativize(dir) + "/", describe(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!excluded.contains(file)) {
                    state.put(root.relativize(file).toString(), describe(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return state;
    }

    /** One line per path that differs between two captures; empty when nothing changed. */
    static java.util.List<String> diff(Map<String, String> before, Map<String, String> after) {
        java.util.List<String> changes = new java.util.ArrayList<>();
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            if (!java.util.Objects.equals(was, is)) {
                changes.add(path + ": " + was + " -> " + is);
            }
        }
        return changes;
    }

    private static String describe(Path p) throws IOException {
        Map<String, Object> a =
                Files.readAttributes(p, "unix:uid,gid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        String common = " uid=" + a.get("uid") + " gid=" + a.get("gid") + " mode="
                + Integer.toOctalString((Integer) a.get("mode")) + " mtime=" + a.get("lastModifiedTime");
        if (Files.isSymbolicLink(p)) {
            return "link -> " + Files.readSymbolicLink(p) + common;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir" + common;
        }
        try {
            return "file "
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) + common;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
