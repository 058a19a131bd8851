package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.mailsnap.mailgen.StoreTree;

/** Compares Maildir trees the way restores are judged: names, kinds, sizes, contents, file mtimes. */
public final class Trees {
    /** Directory mtimes change with every rename inside them; files keep theirs through a restore. */
    public static final StoreTree.Options OPTIONS = StoreTree.Options.exact().ignoringDirectoryMtimes();

    private Trees() {}

    public static StoreTree capture(Path root) throws IOException {
        return StoreTree.capture(root, OPTIONS);
    }

    /**
     * The differences between {@code expected} without the paths {@code leftOut} accepts (what a backup rightly
     * does not keep) and {@code actual}, one line each; empty when equal.
     */
    public static List<String> diff(StoreTree expected, StoreTree actual, Predicate<String> leftOut) {
        return diff(expected, actual, leftOut, path -> true);
    }

    /** The differences among the paths that start with {@code prefix} (one folder of a mailbox, say). */
    public static List<String> diffUnder(StoreTree expected, StoreTree actual, String prefix) {
        return diff(expected, actual, path -> false, path -> path.startsWith(prefix));
    }

    /** The differences between two trees given as their entries (a tree worked out rather than captured, say). */
    public static List<String> diff(Map<String, StoreTree.Entry> expected, Map<String, StoreTree.Entry> actual) {
        return diff(expected, actual, path -> false, path -> true);
    }

    private static List<String> diff(
            StoreTree expected, StoreTree actual, Predicate<String> leftOut, Predicate<String> compared) {
        return diff(expected.entries(), actual.entries(), leftOut, compared);
    }

    private static List<String> diff(
            Map<String, StoreTree.Entry> want,
            Map<String, StoreTree.Entry> got,
            Predicate<String> leftOut,
            Predicate<String> compared) {
        TreeSet<String> paths = new TreeSet<>(want.keySet());
        paths.addAll(got.keySet());
        paths.removeIf(compared.negate());
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            StoreTree.Entry w = leftOut.test(path) ? null : want.get(path);
            StoreTree.Entry g = got.get(path);
            if (w == null && g == null) {
                continue;
            }
            if (g == null) {
                differences.add("missing " + path);
            } else if (w == null) {
                differences.add("unexpected " + path);
            } else if (!w.equals(g)) {
                differences.add("differs " + path + ": " + w + " vs " + g);
            }
        }
        return differences;
    }

    /** Sets every directory's mtime an hour back, so the next backup lists them (no same-second shortcut). */
    public static void ageDirectories(Path store) throws java.io.IOException {
        java.nio.file.attribute.FileTime hourAgo =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (var dirs = java.nio.file.Files.walk(store)) {
            for (Path d : (Iterable<Path>) dirs.filter(java.nio.file.Files::isDirectory)::iterator) {
                java.nio.file.Files.setLastModifiedTime(d, hourAgo);
            }
        }
    }
}
