package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.storage.s3.S3TestServer;

/**
 * A backup into a real S3 server (s3proxy on loopback), run as a process the way cron or a timer runs it: stderr
 * stays empty (the AWS SDK's SLF4J once printed "Failed to load class org.slf4j.impl.StaticLoggerBinder" there on
 * every run), and the libraries' lines are only routed, not lost: {@code MAILSNAP_DEBUG=1} shows the SDK's.
 */
class S3QuietStderrTest {
    @TempDir
    Path tmp;

    private record Run(int code, String err) {}

    private Run mailsnap(S3TestServer s3, Map<String, String> extra, String... args) throws Exception {
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.mailsnap(List.of(), args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.remove("MAILSNAP_DEBUG");
        env.putAll(s3.environment());
        env.put("MAILSNAP_REPOSITORY", s3.location("backups", "mail"));
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put(
                "MAILSNAP_CONFIG",
                Files.writeString(tmp.resolve("empty.conf"), "").toString());
        env.putAll(extra);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mailsnap " + String.join(" ", args));
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aBackupToS3PrintsNothingOnStderrUnlessAsked() throws Exception {
        Path store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(5)
                                .build(),
                        1)
                .generate(store);
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("backups");
            Run init = mailsnap(s3, Map.of(), "init");
            assertEquals(0, init.code(), init.err());
            assertEquals("", init.err());

            Run backup = mailsnap(s3, Map.of(), "backup", "--lock", "none", store.toString());
            assertEquals(0, backup.code(), backup.err());
            assertEquals("", backup.err(), "nothing the user did not ask for");

            Run debug = mailsnap(s3, Map.of("MAILSNAP_DEBUG", "1"), "snapshots");
            assertEquals(0, debug.code(), debug.err());
            assertTrue(
                    debug.err().contains("DEBUG") && debug.err().contains("software.amazon.awssdk"),
                    "asked for, the SDK's lines come through the binding: " + head(debug.err()));
            assertFalse(debug.err().contains("SLF4J"), "and no word from SLF4J itself: " + head(debug.err()));
        }
    }

    private static String head(String text) {
        return text.substring(0, Math.min(2000, text.length()));
    }
}
