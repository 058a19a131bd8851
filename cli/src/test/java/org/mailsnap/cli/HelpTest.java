package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help and completion as a user meets them: whole-sentence summaries, examples, a completion script bash reads. */
class HelpTest {
    @TempDir
    Path tmp;

    static Environment environment(StringWriter out) {
        return new Environment(Map.of("MAILSNAP_CONFIG", "/dev/null"), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
    }

    @Test
    void everySummaryIsASentenceAndEveryCommandHasExamples() {
        CommandLine all = Main.commandLine(environment(new StringWriter()), new String[0]);
        check(all, 0);
    }

    private static void check(CommandLine cli, int depth) {
        var spec = cli.getCommandSpec();
        String[] description = spec.usageMessage().description();
        assertTrue(description.length > 0, spec.qualifiedName() + " has no description");
        String summary = description[0];
        assertTrue(Character.isUpperCase(summary.charAt(0)) && summary.endsWith("."),
                spec.qualifiedName() + ": the summary line is not a whole sentence: " + summary);
        if (depth == 1) {
            String footer = String.join("\n", spec.usageMessage().footer());
            assertTrue(footer.contains("Examples:\n  mailsnap "), spec.qualifiedName() + " has no examples");
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            check(sub, depth + 1);
        }
    }

    @Test
    void completionIsABashScriptForEveryCommand() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("MAILSNAP_CONFIG",
                "/dev/null"), "completion");
        assertEquals(0, code, err.toString());
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_mailsnap"), script.substring(0, 200));
        for (String word : new String[] {"restore", "--metrics-file", "--password-command", "rebuild", "check"}) {
            assertTrue(script.contains(word), word);
        }
        Path file = tmp.resolve("mailsnap.bash");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), "bash -n: " + output);
    }
}
