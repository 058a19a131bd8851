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
        return new Environment(
                Map.of("MAILSNAP_CONFIG", "/dev/null"),
                new PrintWriter(out, true),
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
        assertTrue(
                Character.isUpperCase(summary.charAt(0)) && summary.endsWith("."),
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
    void everyCommandsHelpFormatsWithoutAPicocliWarning() {
        CommandLine all = Main.commandLine(environment(new StringWriter()), new String[0]);
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            renderAll(all);
        } finally {
            System.setErr(saved);
        }
        assertEquals(
                "",
                captured.toString(java.nio.charset.StandardCharsets.UTF_8),
                "a '%' in a description or example must be written '%%' (picocli formats them)");
    }

    private static void renderAll(CommandLine cli) {
        cli.getUsageMessage();
        cli.getSubcommands().values().forEach(HelpTest::renderAll);
    }

    @Test
    void everyCommandsHelpListsItsOptionsInGroupsUnderHeadings() {
        CommandLine all = Main.commandLine(environment(new StringWriter()), new String[0]);
        checkGroups(all);
    }

    private static void checkGroups(CommandLine cli) {
        var spec = cli.getCommandSpec();
        Map<String, java.util.List<CommandLine.Model.OptionSpec>> groups = GroupedOptionsHelp.groups(spec);
        long visible = spec.options().stream().filter(o -> !o.hidden()).count();
        assertEquals(
                visible,
                groups.values().stream().mapToLong(java.util.List::size).sum(),
                spec.qualifiedName() + ": every visible option in exactly one group: " + groups.keySet());
        String usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        int at = 0;
        for (var group : groups.entrySet()) {
            int heading = usage.indexOf("\n" + group.getKey() + "\n", at);
            assertTrue(heading >= at, spec.qualifiedName() + ": heading '" + group.getKey() + "' in order:\n" + usage);
            int next = usage.length();
            for (String other : groups.keySet()) {
                int o = usage.indexOf("\n" + other + "\n", heading + 1);
                next = o > heading ? Math.min(next, o) : next;
            }
            String section = usage.substring(heading, next);
            for (var option : group.getValue()) {
                assertTrue(
                        section.contains(option.longestName()),
                        spec.qualifiedName() + ": " + option.longestName() + " under '" + group.getKey() + "':\n"
                                + usage);
            }
            at = heading + 1;
        }
        if (spec.parent() != null) {
            assertTrue(
                    groups.containsKey(GroupedOptionsHelp.INHERITED),
                    spec.qualifiedName() + ": --help, --config, --verbose");
        }
        if (spec.mixins().keySet().stream().anyMatch(m -> m.equals("repository"))) {
            assertTrue(groups.containsKey("Repository and catalog:"), spec.qualifiedName());
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            checkGroups(sub);
        }
    }

    @Test
    void completionIsABashScriptForEveryCommand() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.of("MAILSNAP_CONFIG", "/dev/null"),
                "completion");
        assertEquals(0, code, err.toString());
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_mailsnap"), script.substring(0, 200));
        for (String word : new String[] {"restore", "--metrics-file", "--password-command", "rebuild", "check"}) {
            assertTrue(script.contains(word), word);
        }
        Path file = tmp.resolve("mailsnap.bash");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), "bash -n: " + output);

        // Installed as the README says (a file bash sources), it completes commands and options.
        assertEquals("restore", complete(file, "mailsnap", "res"));
        assertEquals("--merge --message", complete(file, "mailsnap", "restore", "--me"));
        assertEquals("rebuild", complete(file, "mailsnap", "catalog", "re"));
    }

    /** What bash offers for the last word after sourcing {@code script}, words sorted, space-separated. */
    private static String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        // compopt (how bash displays the words) works only inside completion proper: a no-op here.
        String program = "compopt() { :; }; source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_mailsnap;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\" | sort | xargs";
        Process bash = new ProcessBuilder("bash", "-c", program)
                .redirectErrorStream(true)
                .start();
        String output =
                new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), output);
        return output;
    }
}
