package org.mailsnap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A repository's size as {@code du -sb} reports it: apparent bytes of every file and directory below it. */
final class DiskUsage {
    private DiskUsage() {}

    static long apparentBytes(CommandRunner runner, Path directory) throws IOException {
        String output = runner.output(List.of("du", "-sb", directory.toString()), Map.of(), directory.getParent());
        return parse(output, directory);
    }

    /** The first field of {@code du -s}'s line ({@code <bytes>\t<path>}). */
    static long parse(String duOutput, Path directory) throws IOException {
        String first = duOutput.strip().split("\\s+", 2)[0];
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw new IOException("du -sb " + directory + " printed '" + duOutput + "', not a size", e);
        }
    }
}
