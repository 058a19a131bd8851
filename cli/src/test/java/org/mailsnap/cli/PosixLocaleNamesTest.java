package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.ByteTrees;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.NameBytes;

/**
 * Issue 12 section 2 as cron runs it: the CLI in a child JVM with an empty environment ({@code env -i}: no
 * {@code LANG}, no {@code LC_*}, so the JVM's file name and argv charset is ASCII), a store whose path and names are
 * not ASCII, some not even UTF-8, given on the command line as raw bytes. Everything round-trips byte for byte.
 */
class PosixLocaleNamesTest {
    private static final String JVM_OPENS =
            "--add-opens java.base/java.nio=ALL-UNNAMED " + "--add-opens java.base/sun.nio.ch=ALL-UNNAMED";

    @TempDir
    Path tmp;

    record Run(int code, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    @Test
    void backupAndRestoreUnderThePosixLocale() throws Exception {
        Path store = dir(tmp, "st\u00f3re"); // the store's path: UTF-8
        Path inbox = Maildirs.maildir(dir(dir(store, "j\u00f6rg"), "Maildir"));
        Path odd = Maildirs.maildir(dir(dir(store, name("6f6464ff")), "Maildir")); // "odd\xff": not UTF-8
        Path archive = Maildirs.maildir(dir(inbox, name("2e417263689e76"))); // ".Arch\x9ev"
        Files.write(FileNames.child(archive, "maildirfolder"), new byte[0]);
        message(inbox, "cur", "1700000001.M1P1.h\u00f3st:2,S");
        message(inbox, "cur", name("313730303030303030322e4d3250312e68e97374") + ":2,S"); // h\xe9st
        message(inbox, "cur", name("313730303030303030322e4d3250312e68e87374") + ":2,S"); // h\xe8st
        message(archive, "new", name("313730303030303030332e4d3350312e8081"));
        message(odd, "cur", name("313730303030303030342e4d3450312ec3") + ":2,RS");
        Map<String, String> before = ByteTrees.tree(store);

        assertEquals(0, mailsnap("init").code());
        Run backup = mailsnap("backup", "--host", "h", arg(store));
        assertEquals(0, backup.code(), backup.err());
        assertEquals(
                "",
                backup.err().replaceAll("(?m)^mailsnap: (building|recording).*\n", ""),
                "no warning: " + backup.err());
        assertTrue(backup.outText().contains("5 messages"), backup.outText());

        Run ls = mailsnap("ls", "latest", "--mailbox", "j\\xc3\\xb6rg/Maildir", "--folder", "INBOX", "--long");
        assertEquals(0, ls.code(), ls.err());
        assertTrue(
                ls.outText().contains("1700000001.M1P1.h\u00f3st:2,S"), "UTF-8 names print as text: " + ls.outText());
        assertTrue(
                ls.outText().contains("1700000002.M2P1.h\\xe9st:2,S")
                        && ls.outText().contains("1700000002.M2P1.h\\xe8st:2,S"),
                "other bytes as \\xNN: " + ls.outText());

        Path target = FileNames.child(tmp, name("7265737406ff")); // "rest\x06\xff": a target that is not text
        Run restore = mailsnap("restore", "--snapshot", "latest", "--target", arg(target));
        assertEquals(0, restore.code(), restore.err());
        assertEquals(before, ByteTrees.tree(target), "names and contents byte for byte");
        assertEquals(ByteTrees.findPrint0(store), ByteTrees.findPrint0(target));

        Path one = tmp.resolve("one");
        Run single = mailsnap(
                "restore",
                "--snapshot",
                "latest",
                "--mailbox",
                "j\\xc3\\xb6rg/Maildir",
                "--folder",
                "INBOX",
                "--message",
                "1700000002.M2P1.h\\xe9st",
                "--target",
                arg(one));
        assertEquals(0, single.code(), single.err());
        List<String> restored = new ArrayList<>(ByteTrees.tree(one).keySet());
        assertTrue(
                restored.contains("cur/" + name("313730303030303030322e4d3250312e68e97374") + ":2,S"),
                "the message named by raw argv bytes: " + restored);
        assertFalse(
                restored.contains("cur/" + name("313730303030303030322e4d3250312e68e87374") + ":2,S"),
                restored.toString());

        Path tar = FileNames.child(tmp, name("64756d70ff2e746172")); // "dump\xff.tar"
        Run dump = mailsnap(
                "dump",
                "--snapshot",
                "latest",
                "--mailbox",
                arg(FileNames.relativeName(store, odd)),
                "--format",
                "maildir-tar",
                "--output",
                arg(tar));
        assertEquals(0, dump.code(), dump.err());
        assertTrue(Files.size(tar) > 0, "the output file is the one named by its bytes");
    }

    @Test
    void withoutTheOpensTheCliRefusesInOneLine() throws Exception {
        Run run = run(List.of(JVM_OPENS.split(" ")), "snapshots");
        assertEquals(1, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(
                run.err().startsWith("mailsnap: ") && run.err().contains("--add-opens java.base/sun.nio.fs"),
                run.err());
    }

    private Run mailsnap(String... args) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(List.of(JVM_OPENS.split(" ")));
        jvm.addAll(List.of("--add-opens", "java.base/sun.nio.fs=ALL-UNNAMED"));
        return run(jvm, args);
    }

    /**
     * Runs the CLI in a child JVM with an empty environment; each argument is bash {@code printf %b} text, so
     * {@code \xNN} passes any byte, as a shell user would type it.
     */
    private Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "/bin/bash",
                "-c",
                "java=$1; cp=$2; n=$3; shift 3; opts=(\"${@:1:n}\"); shift \"$n\"; args=();"
                        + " for a in \"$@\"; do args+=(\"$(printf '%b' \"$a\")\"); done;"
                        + " exec \"$java\" \"${opts[@]}\" -Xmx256m -cp \"$cp\" org.mailsnap.cli.Main \"${args[@]}\"",
                "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                Integer.toString(ChildJvm.libraryOptions().size() + jvmOptions.size())));
        command.addAll(ChildJvm.libraryOptions());
        command.addAll(jvmOptions);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().clear(); // env -i: the POSIX locale
        builder.environment().put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        builder.environment().put("MAILSNAP_PASSWORD", "correct horse");
        builder.environment().put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        builder.environment().put("HOME", tmp.toString());
        Process p = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        return new Run(code, out, new String(err.join(), StandardCharsets.UTF_8));
    }

    private static String arg(Path path) {
        return arg(FileNames.pathName(path));
    }

    /** A name as a printf %b argument: ASCII as is, every other byte as \xNN. */
    private static String arg(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : NameBytes.toBytes(name)) {
            if (b > 0x20 && b < 0x7f && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String name(String hex) {
        return NameBytes.fromBytes(HexFormat.of().parseHex(hex));
    }

    private static Path dir(Path parent, String name) throws IOException {
        return Files.createDirectory(FileNames.child(parent, name));
    }

    private static void message(Path folder, String sub, String name) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("Subject: " + HexFormat.of().formatHex(NameBytes.toBytes(name)) + "\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Files.write(FileNames.child(FileNames.child(folder, sub), name), body.toByteArray());
    }
}
