package org.mailsnap.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** Prints the shell completion script picocli generates from the commands' own definitions. */
@Command(
        name = "completion",
        description = {
            "Print a bash completion script for mailsnap.",
            "zsh reads it too, after 'autoload bashcompinit; bashcompinit'. It is generated from the commands",
            "themselves, so it completes every command and option of this version."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap completion >/etc/bash_completion.d/mailsnap",
            "  source <(mailsnap completion)"
        })
final class CompletionCommand implements Callable<Integer> {
    private final Environment env;
    private final ConfigDefaults defaults;

    CompletionCommand(Environment env, ConfigDefaults defaults) {
        this.env = env;
        this.defaults = defaults;
    }

    @Override
    public Integer call() {
        // All commands, not just this one (Main builds only the command a run names).
        env.out().print(AutoComplete.bash("mailsnap", Main.commandLine(env, defaults, new String[0])));
        env.out().flush();
        return ExitCode.OK.code();
    }
}
