package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's refusals: they happen before anything is generated, run or deleted. */
class ScenarioRunnerTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void wrongUsageExitsTwoAndPrintsTheUsage() {
        assertEquals(ScenarioRunner.USAGE, runner().run("--preset", "medium"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown preset 'medium'"), text);
        assertTrue(text.contains("usage: ScenarioRunner"), text);
    }

    @Test
    void aForeignNonEmptyWorkDirIsRefusedAndLeftAlone() throws IOException {
        Path work = Files.createDirectories(temp.resolve("someone-elses"));
        Path precious = Files.writeString(work.resolve("store"), "not ours");
        int exit = runner().run(
                        "--tools",
                        "restic",
                        "--no-install",
                        "--work",
                        work.toString(),
                        "--results",
                        temp.resolve("results").toString());
        assertEquals(ScenarioRunner.FAILED, exit);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("not a work dir of this runner"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("not ours", Files.readString(precious));
        assertTrue(Files.notExists(temp.resolve("results")));
    }

    @Test
    void aStoreWithoutItsMarkerIsNotDeleted() throws IOException {
        Path work = temp.resolve("work");
        Files.createDirectories(work);
        Files.writeString(work.resolve(".mailsnap-bench"), "");
        Path mail = Files.createDirectories(work.resolve("store/example.org/anna/cur"));
        Files.writeString(mail.resolve("1.M1P1.host,S=3:2,S"), "hi\n");
        int exit = runner().run(
                        "--tools",
                        "restic",
                        "--no-install",
                        "--work",
                        work.toString(),
                        "--results",
                        temp.resolve("results").toString());
        assertEquals(ScenarioRunner.FAILED, exit);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("not a store this runner generated"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(mail.resolve("1.M1P1.host,S=3:2,S")));
    }

    private ScenarioRunner runner() {
        return new ScenarioRunner(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                temp,
                System.getenv("PATH"),
                Clock.systemUTC());
    }
}
