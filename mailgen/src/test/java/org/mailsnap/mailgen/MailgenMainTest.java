package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailgenMainTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new MailgenMain(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesThenChurnsAndPrintsWhatItDid() throws IOException {
        Path store = temp.resolve("store");
        assertEquals(
                0,
                run(
                        "generate",
                        "--preset",
                        "tiny",
                        "--seed",
                        "4",
                        "--mailboxes",
                        "2",
                        "--messages-per-mailbox",
                        "40",
                        store.toString()),
                err());
        assertTrue(out().startsWith("2 mailboxes, 16 folders, 80 messages, "), out());
        assertEquals(80, MaildirFacts.messages(store).size());

        assertEquals(0, run("churn", "--seed", "4", "--renames-only", store.toString()), err());
        assertTrue(out().contains("new->cur pickups") && out().contains(" 0 deliveries"), out());
        assertTrue(err().contains("churn took"), err());
    }

    @Test
    void badUsageExitsWith2AndSaysWhy() {
        assertEquals(2, run());
        assertTrue(err().contains("usage:"));
        assertEquals(2, run("generate", "--preset", "huge", temp.toString()));
        assertTrue(err().contains("unknown preset 'huge'"), err());
        assertEquals(2, run("churn", "--seed", "x", temp.toString()));
        assertTrue(err().contains("--seed needs a number, not 'x'"), err());
        assertEquals(2, run("churn", "--bogus", temp.toString()));
        assertTrue(err().contains("unknown option '--bogus'"), err());
        assertEquals(2, run("churn"));
        assertTrue(err().contains("expected one STORE"), err());
        assertEquals(2, run("generate", "--mailboxes", "0", temp.resolve("x").toString()));
        assertTrue(err().contains("mailboxes must be positive: 0"), err());
        assertEquals(0, run("--help"));
        assertTrue(out().contains("usage:"));
    }

    @Test
    void ioFailuresExitWith1AndNameTheFile() throws IOException {
        Path busy = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(busy.resolve("file"), "x");
        assertEquals(1, run("generate", "--preset", "tiny", busy.toString()));
        assertTrue(err().contains(busy.toString()), err());
    }
}
