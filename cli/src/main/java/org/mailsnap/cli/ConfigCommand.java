package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

/** The configuration file: {@code config check}. */
@Command(
        name = "config",
        description = "Check the configuration file.",
        subcommands = ConfigCommand.Check.class,
        footer = {
            "",
            "Examples:",
            "  mailsnap config check",
            "  mailsnap --config /etc/mailsnap/test.conf config check backup"
        })
final class ConfigCommand {
    @Command(
            name = "check",
            description = {
                "Validate the configuration file and print the settings a command would run with, with their sources.",
                "Every key must be an option of some command (its long name without dashes); a value must convert",
                "as the option would. Give a command and its options to see their effect (default: backup); the",
                "options of check itself (--json) come before that command, so that the command's own --json is its."
            },
            footer = {
                "",
                "Examples:",
                "  mailsnap config check",
                "  mailsnap config check restore --target /tmp/r --at 2h",
                "  mailsnap config check --json backup --lock none",
                "  mailsnap --config ./test.conf config check backup --lock none"
            })
    static final class Check implements Callable<Integer> {
        private final Environment env;
        private final ConfigDefaults defaults;

        @Option(
                names = "--json",
                description = "Print one JSON object: the file, its problems, the settings "
                        + "(schema in README). Before COMMAND: after it, --json is the command's.")
        boolean json;

        /** The command to check and its arguments: everything from the first argument check does not know. */
        @Unmatched
        List<String> commandArgs = new ArrayList<>();

        Check(Environment env, ConfigDefaults defaults) {
            this.env = env;
            this.defaults = defaults;
        }

        /** Arguments after the first that check does not know belong to the checked command, however they look. */
        static void stopAtTheCommand(CommandLine config) {
            config.getSubcommands().get("check").setStopAtUnmatched(true);
        }

        @Override
        public Integer call() {
            List<String> problems = new ConfigValidator(env, defaults).problems();
            for (String problem : problems) {
                env.err().println("mailsnap: " + problem);
            }
            if (!problems.isEmpty()) {
                if (json) {
                    env.out()
                            .println(Json.object(
                                    new ConfigCheckReport(defaults.file(), problems, null, List.of()).json()));
                }
                return ExitCode.USAGE.code();
            }
            List<String> args = commandArgs.isEmpty() ? List.of("backup") : commandArgs;
            ParseResult parsed;
            try {
                parsed = Main.commandLine(env, defaults, args.toArray(String[]::new))
                        .parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new UserError(ExitCode.USAGE, String.join(" ", args) + ": " + e.getMessage());
            }
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            ConfigCheckReport report = new ConfigCheckReport(
                    defaults.file(),
                    problems,
                    String.join(" ", ConfigDefaults.commandPath(parsed.commandSpec())),
                    settings(parsed));
            if (json) {
                env.out().println(Json.object(report.json()));
            } else {
                report.printText(env.out());
            }
            return ExitCode.OK.code();
        }

        /** One per configurable setting of the command: key, effective value, and where it came from. */
        private List<ConfigCheckReport.Setting> settings(ParseResult parsed) {
            CommandSpec command = parsed.commandSpec();
            Map<String, ConfigCheckReport.Setting> rows = new LinkedHashMap<>();
            List<ArgSpec> args = new ArrayList<>(command.options());
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                String key = ConfigDefaults.key(arg);
                if (key == null) {
                    continue;
                }
                Object value = arg.getValue();
                String source;
                boolean given = arg instanceof CommandLine.Model.OptionSpec o
                        ? parsed.hasMatchedOption(o)
                        : parsed.hasMatchedPositional((CommandLine.Model.PositionalParamSpec) arg);
                if (given) {
                    source = ConfigDefaults.Origin.OPTION.word;
                } else {
                    ConfigDefaults.Value configured = defaults.lookup(arg);
                    source = configured != null
                            ? configured.origin().word + " " + configured.where()
                            : value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())
                                    ? "unset"
                                    : ConfigDefaults.Origin.DEFAULT.word;
                }
                rows.put(key, new ConfigCheckReport.Setting(key, value == null ? null : String.valueOf(value), source));
            }
            for (String variable :
                    List.of("MAILSNAP_PASSWORD", "MAILSNAP_PASSWORD_FILE", "MAILSNAP_PASSWORD_COMMAND")) {
                if (env.get(variable) != null && rows.containsKey("password-file")) {
                    rows.put(
                            "password",
                            new ConfigCheckReport.Setting(
                                    "password",
                                    variable.equals("MAILSNAP_PASSWORD") ? "(hidden)" : env.get(variable),
                                    "environment " + variable));
                    break;
                }
            }
            return new ArrayList<>(rows.values());
        }
    }

    /** Every problem of the file: unknown tables and keys, values that do not convert. One line each. */
    static final class ConfigValidator {
        private final Environment env;
        private final ConfigDefaults defaults;

        ConfigValidator(Environment env, ConfigDefaults defaults) {
            this.env = env;
            this.defaults = defaults;
        }

        List<String> problems() {
            ConfigFile file = defaults.file();
            Map<List<String>, Set<String>> keysByCommand = new LinkedHashMap<>();
            CommandLine all = Main.commandLine(env, defaults, new String[0]);
            collect(all, keysByCommand);
            Set<String> anyKey = new TreeSet<>();
            keysByCommand.values().forEach(anyKey::addAll);
            List<String> problems = new ArrayList<>();
            for (ConfigFile.Entry entry : file.entries()) {
                List<String> table = entry.commandPath();
                Set<String> known = table.isEmpty() ? anyKey : keysByCommand.get(table);
                if (known == null) {
                    problems.add(file.where(entry) + ": [" + String.join(".", table) + "] is not a mailsnap command");
                } else if (!known.contains(entry.key())) {
                    problems.add(file.where(entry) + ": unknown key '" + entry.key() + "'"
                            + (table.isEmpty() ? "" : " for '" + String.join(" ", table) + "'"));
                }
            }
            if (problems.isEmpty()) {
                convertAll(all, problems);
            }
            return problems;
        }

        private static void collect(CommandLine cli, Map<List<String>, Set<String>> keysByCommand) {
            {
                Set<String> keys = new TreeSet<>();
                List<ArgSpec> args = new ArrayList<>(cli.getCommandSpec().args());
                for (ArgSpec arg : args) {
                    String key = ConfigDefaults.key(arg);
                    if (key != null) {
                        keys.add(key);
                    }
                }
                keysByCommand.put(ConfigDefaults.commandPath(cli.getCommandSpec()), keys);
            }
            for (CommandLine sub : cli.getSubcommands().values()) {
                collect(sub, keysByCommand);
            }
        }

        /**
         * Lets picocli convert every configured value for every command, as a run would: parsing no arguments
         * applies the defaults first and checks required options after, so a conversion error is the file's (or
         * the environment's) and a missing required option is not.
         */
        private void convertAll(CommandLine all, List<String> problems) {
            for (CommandLine leaf : leaves(all)) {
                List<String> path = ConfigDefaults.commandPath(leaf.getCommandSpec());
                try {
                    Main.commandLine(env, defaults, path.toArray(String[]::new)).parseArgs(path.toArray(String[]::new));
                } catch (CommandLine.MissingParameterException | CommandLine.MutuallyExclusiveArgsException e) {
                    // a required option or group left to the command line: not the file's business
                } catch (CommandLine.ParameterException e) {
                    ConfigDefaults.Value value = e.getArgSpec() != null ? defaults.lookup(e.getArgSpec()) : null;
                    String problem = (value != null ? value.where() + ": " : "") + String.join(" ", path) + ": "
                            + e.getMessage();
                    if (!problems.contains(problem)) {
                        problems.add(problem);
                    }
                }
            }
        }

        private static List<CommandLine> leaves(CommandLine cli) {
            List<CommandLine> out = new ArrayList<>();
            if (cli.getSubcommands().isEmpty()) {
                out.add(cli);
            }
            for (CommandLine sub : cli.getSubcommands().values()) {
                out.addAll(leaves(sub));
            }
            return out;
        }
    }
}
