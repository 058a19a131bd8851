package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every option's value when the command line does not give it: {@code MAILSNAP_<KEY>} from the environment, else
 * the configuration file, else the option's built-in default. picocli asks this for every option of every command,
 * so a new command's options are configurable without code here.
 *
 * <p>A setting's <b>key</b> is its longest option name without the dashes ({@code --password-file} →
 * {@code password-file}, environment {@code MAILSNAP_PASSWORD_FILE}); a positional parameter that may be omitted
 * (backup's {@code STORE}) is keyed by its label in lower case. Options inside argument groups (restore's
 * {@code --snapshot}/{@code --at}) are not configurable: a default there would defeat the group's "exactly one".
 *
 * <p>The password is one setting with several sources, and {@link Passwords} reads the environment's in its own
 * order; so the file's {@code password-file} and {@code password-command} step back whenever the environment names
 * any password, and this provider never maps the environment onto them.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    /** Where an effective value came from, for {@code config check}. */
    enum Origin {
        OPTION("option"),
        ENVIRONMENT("environment"),
        FILE("file"),
        DEFAULT("default");

        final String word;

        Origin(String word) {
            this.word = word;
        }
    }

    /** A value and where it came from ({@code MAILSNAP_LOCK}, {@code /etc/mailsnap/mailsnap.conf:4}). */
    record Value(String text, Origin origin, String where) {}

    static final String ENV_PREFIX = "MAILSNAP_";
    private static final Set<String> PASSWORD_KEYS = Set.of("password-file", "password-command");
    private static final List<String> PASSWORD_VARIABLES =
            List.of("MAILSNAP_PASSWORD", "MAILSNAP_PASSWORD_FILE", "MAILSNAP_PASSWORD_COMMAND");

    private final Environment env;
    private final ConfigFile file;

    ConfigDefaults(Environment env, ConfigFile file) {
        this.env = env;
        this.file = file;
    }

    ConfigFile file() {
        return file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        Value value = lookup(arg);
        return value == null ? null : value.text();
    }

    /** The environment's or the file's value for {@code arg}, or null when neither has one. */
    Value lookup(ArgSpec arg) {
        String key = key(arg);
        if (key == null) {
            return null;
        }
        if (PASSWORD_KEYS.contains(key)) {
            if (PASSWORD_VARIABLES.stream().anyMatch(v -> env.get(v) != null)) {
                return null;
            }
        } else {
            String variable = variable(key);
            String fromEnv = env.get(variable);
            if (fromEnv != null) {
                return new Value(fromEnv, Origin.ENVIRONMENT, variable);
            }
        }
        ConfigFile.Entry entry = file.lookup(commandPath(arg.command()), key);
        return entry == null ? null : new Value(entry.text(), Origin.FILE, file.where(entry));
    }

    /** The setting's key, or null for what cannot be configured (help, groups, required positionals). */
    static String key(ArgSpec arg) {
        if (arg.group() != null) {
            return null;
        }
        if (arg instanceof OptionSpec option) {
            if (option.usageHelp() || option.versionHelp() || option.inherited()) {
                return null;
            }
            String name = option.longestName();
            return name.startsWith("--") && !name.equals(MailsnapCommand.CONFIG_OPTION) ? name.substring(2) : null;
        }
        if (arg instanceof PositionalParamSpec positional
                && positional.arity().min() == 0
                && !positional.isMultiValue()) {
            return positional.paramLabel().replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
        }
        return null;
    }

    static String variable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code [key, add]} for {@code mailsnap key add}: the tables of the file that apply to it. */
    static List<String> commandPath(CommandSpec command) {
        List<String> path = new ArrayList<>();
        for (CommandSpec c = command; c != null && c.parent() != null; c = c.parent()) {
            path.add(0, c.name());
        }
        return path;
    }
}
