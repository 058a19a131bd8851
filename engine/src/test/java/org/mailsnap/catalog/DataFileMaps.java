package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What this process's maps of a catalog's data files look like to the kernel ({@code /proc/self/smaps}, Linux). */
public final class DataFileMaps {
    private DataFileMaps() {}

    /**
     * The {@code VmFlags} line of each mapping of a data file under {@code catalogDirectory}, with a space added at
     * the end so that a flag can be looked for as {@code " rr"} ({@code rr}: random reads advised; proc(5)).
     */
    public static List<String> vmFlags(Path catalogDirectory) throws IOException {
        String realDir = catalogDirectory.toRealPath().toString();
        List<String> flags = new ArrayList<>();
        boolean inDataFile = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                int path = line.indexOf('/');
                inDataFile = path >= 0
                        && line.substring(path).startsWith(realDir)
                        && line.endsWith("/" + LmdbEnvironment.DATA_FILE);
            } else if (inDataFile && line.startsWith("VmFlags:")) {
                flags.add(line + " ");
            }
        }
        return flags;
    }
}
