package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mailsnap.fs.FileNames;
import org.mailsnap.model.NameBytes;

/** Directory trees as their exact bytes (names and contents), for tests of names that are not UTF-8. */
public final class ByteTrees {
    private ByteTrees() {}

    /** Relative name ({@link NameBytes}) → hex of the content, or "dir", for every entry below {@code root}. */
    public static SortedMap<String, String> tree(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>(NameBytes::compare);
        walk(root, "", out);
        return out;
    }

    private static void walk(Path dir, String prefix, Map<String, String> out) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = prefix + FileNames.nameOf(entry);
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(name + "/", "dir");
                    walk(entry, name + "/", out);
                } else {
                    out.put(name, HexFormat.of().formatHex(Files.readAllBytes(entry)));
                }
            }
        }
    }

    /**
     * The raw bytes of every path below {@code root} as find(1) prints them, each in hex, sorted: a view of the
     * tree that does not go through the JVM's file names at all.
     */
    public static List<String> findPrint0(Path root) throws IOException, InterruptedException {
        StringBuilder escaped = new StringBuilder(); // the root's bytes, whatever they are, through printf %b
        for (byte b : NameBytes.toBytes(FileNames.pathName(root.toAbsolutePath()))) {
            escaped.append(String.format("\\x%02x", b & 0xff));
        }
        Process p = new ProcessBuilder(
                        "/bin/bash",
                        "-c",
                        "cd \"$(printf '%b' \"$1\")\" && find . -mindepth 1 -print0",
                        "bash",
                        escaped.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] all = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "find in " + root);
        List<String> paths = new ArrayList<>();
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        for (byte b : all) {
            if (b == 0) {
                paths.add(HexFormat.of().formatHex(one.toByteArray()));
                one.reset();
            } else {
                one.write(b);
            }
        }
        paths.sort(null);
        return paths;
    }
}
