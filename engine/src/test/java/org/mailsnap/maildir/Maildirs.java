package org.mailsnap.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds Maildir trees in temporary directories for tests. */
public final class Maildirs {
    private Maildirs() {}

    /** Creates {@code cur/ new/ tmp/} in {@code dir}. */
    public static Path maildir(Path dir) throws IOException {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        return dir;
    }

    /** Creates a Maildir++ folder {@code .name} under {@code root}, with its {@code maildirfolder} marker. */
    public static Path folder(Path root, String dotName) throws IOException {
        Path dir = maildir(root.resolve(dotName));
        Files.write(dir.resolve("maildirfolder"), new byte[0]);
        return dir;
    }

    /** Writes a small message into {@code folder/sub/name} and returns its path. */
    public static Path message(Path folder, String sub, String name) throws IOException {
        return Files.writeString(
                folder.resolve(sub).resolve(name),
                "Subject: " + name + "\r\n\r\nbody of " + name + "\r\n",
                StandardCharsets.UTF_8);
    }

    /** Writes {@code folder}'s {@code dovecot-uidlist}: a version 3 header, then one line per record. */
    public static void uidlist(Path folder, String... records) throws IOException {
        StringBuilder sb = new StringBuilder("3 V1796403000 N10 G31b8d82444860b6b6824000083ecc375\n");
        for (String r : records) {
            sb.append(r).append('\n');
        }
        Files.writeString(folder.resolve("dovecot-uidlist"), sb.toString(), StandardCharsets.UTF_8);
    }
}
