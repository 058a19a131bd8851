package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names that carry the process id of the run that made them: {@code prefix + pid}. A name whose process no longer
 * runs belongs to a stale snapshot.
 */
final class RunNames {
    private RunNames() {}

    /** The process id in {@code name} when it is {@code prefix} followed by digits only. */
    static OptionalLong pid(String prefix, String name) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() - prefix.length() > 18) {
            return OptionalLong.empty();
        }
        String digits = name.substring(prefix.length());
        return digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? OptionalLong.of(Long.parseLong(digits))
                : OptionalLong.empty();
    }

    /** The process ids of the entries of {@code dir} named {@code prefix + pid}. */
    static Set<Long> inDirectory(Path dir, String prefix) throws IOException {
        Set<Long> runs = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path entry : entries) {
                pid(prefix, entry.getFileName().toString()).ifPresent(runs::add);
            }
        }
        return runs;
    }
}
