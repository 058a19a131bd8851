package org.mailsnap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mailsnap.maildir.MailboxFinder;
import org.mailsnap.maildir.StoreLayout;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/**
 * The workload {@code bin/mailsnap} runs once after each build with {@code -XX:ArchiveClassesAtExit}, so that the
 * class data sharing archive holds every class an hourly backup or a restore loads. A JVM that maps them from the
 * archive skips loading, verifying and linking ~3,000 classes, which is most of a no-change run's time.
 *
 * <p>It runs the real commands in one JVM on a generated tiny store in a temporary directory (deleted afterwards):
 * init, backup, an hour of churn, backup, snapshots, ls, find, restore. Exit code 0 when every command
 * succeeded; otherwise 1 and the failing command's output on stderr (the launcher then goes on without an archive).
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        List<String> failures = run();
        failures.forEach(System.err::println);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Runs the workload; returns a description of each command that failed. */
    static List<String> run() throws IOException {
        Path work = Files.createTempDirectory("mailsnap-training-");
        try {
            Path store = work.resolve("store");
            new StoreGenerator(StoreSpec.tiny().withSeed(1)).generate(store);
            String mailbox = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS)
                    .find(store)
                    .get(0)
                    .name();
            // Its own configuration file: the machine's /etc/mailsnap/mailsnap.conf may name hooks or a metrics file
            // that a training run must not touch; and a file that is read puts the TOML parser into the archive.
            Path config = work.resolve("mailsnap.conf");
            Files.writeString(config, "[backup]\nlock-timeout = 122\n");
            Map<String, String> env = Map.of(
                    "MAILSNAP_REPOSITORY", work.resolve("repository").toString(),
                    "MAILSNAP_PASSWORD", "startup-training",
                    "MAILSNAP_CATALOG", work.resolve("catalog").toString(),
                    "MAILSNAP_CONFIG", config.toString());
            List<String> failures = new ArrayList<>();
            command(env, failures, "init");
            command(env, failures, "backup", "--lock", "none", store.toString());
            new ChurnSimulator(ChurnSpec.defaults().withSeed(2)).simulateHour(store);
            command(env, failures, "backup", "--lock", "none", "--json", store.toString());
            command(env, failures, "backup", "--lock", "none", store.toString());
            command(env, failures, "snapshots");
            command(env, failures, "snapshots", "--json");
            command(env, failures, "ls", "latest", "--mailbox", mailbox);
            command(env, failures, "find", "--subject", "a", "--limit", "5");
            command(
                    env,
                    failures,
                    "restore",
                    "--snapshot",
                    "latest",
                    "--mailbox",
                    mailbox,
                    "--target",
                    work.resolve("restored").toString());
            return failures;
        } finally {
            deleteTree(work);
        }
    }

    private static void command(Map<String, String> env, List<String> failures, String... args) {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int code = Main.run(writer, writer, env, args);
        if (code != 0) {
            failures.add("mailsnap " + String.join(" ", args) + " exited " + code + ":\n" + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
