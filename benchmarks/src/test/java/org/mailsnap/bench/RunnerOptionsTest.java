package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {
    @Test
    void defaultsAndOverrides() {
        RunnerOptions defaults = RunnerOptions.parse();
        assertEquals("tiny", defaults.preset());
        assertEquals(RunnerOptions.DEFAULT_HOURS, defaults.hours());
        assertEquals(List.of("mailsnap", "restic", "borg"), defaults.tools());
        assertTrue(defaults.install());
        assertTrue(
                defaults.work().toString().endsWith("mailsnap-bench-tiny-s1"),
                defaults.work().toString());

        RunnerOptions o = RunnerOptions.parse(
                "--preset",
                "small",
                "--seed",
                "7",
                "--hours",
                "168",
                "--tools",
                "borg,restic",
                "--no-install",
                "--work",
                "/tmp/w",
                "--preset",
                "large",
                "--clean",
                "--settle",
                "0");
        assertEquals("large", o.preset(), "the last value of an option wins, so run.sh's defaults can be overridden");
        assertEquals(7, o.spec().seed());
        assertEquals(400, o.spec().mailboxes());
        assertEquals(168, o.hours());
        assertEquals(List.of("restic", "borg"), o.tools());
        assertFalse(o.install());
        assertTrue(o.clean());
        assertEquals(Path.of("/tmp/w"), o.work());
        assertEquals(OptionalInt.of(0), o.settleSeconds());
        assertEquals(OptionalInt.empty(), defaults.settleSeconds(), "the runner's default decides");
    }

    @Test
    void theDefaultSettleOutlastsTheMinuteExt4KeepsAFreedInodeUnused() {
        assertTrue(Scenario.defaultSettle().compareTo(java.time.Duration.ofSeconds(60)) > 0);
    }

    @Test
    void wrongArgumentsAreNamed() {
        assertMessage("unknown preset 'huge'", "--preset", "huge");
        assertMessage("--hours needs a whole number, not 'many'", "--hours", "many");
        assertMessage("--hours must be 0 or more: -1", "--hours", "-1");
        assertMessage("unknown tool 'kopia'", "--tools", "restic,kopia");
        assertMessage("--settle must be 0 or more: -5", "--settle", "-5");
        assertMessage("--seed needs a value", "--seed");
        assertMessage("unknown argument '--fast'", "--fast");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
