package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The configuration file, TOML: {@code key = value} lines whose keys are the long option names without dashes
 * ({@code repository}, {@code password-file}, {@code lock}), at the top (for every command that has the option) or
 * in a table named after a command ({@code [backup]}, {@code [key.add]}) for that command only. Values are kept as
 * the text picocli converts, so a value is checked exactly like the same option on the command line.
 */
final class ConfigFile {
    /** Where mailsnap looks when neither {@code --config} nor {@code MAILSNAP_CONFIG} names a file. */
    static final Path DEFAULT = Path.of("/etc/mailsnap/mailsnap.conf");

    /** One value: its text and the line it is on, for messages that name {@code file:line}. */
    record Entry(List<String> path, String text, int line) {
        String key() {
            return path.get(path.size() - 1);
        }

        List<String> commandPath() {
            return path.subList(0, path.size() - 1);
        }
    }

    private final Path path;
    private final boolean present;
    private final Map<List<String>, Entry> entries;

    private ConfigFile(Path path, boolean present, Map<List<String>, Entry> entries) {
        this.path = path;
        this.present = present;
        this.entries = entries;
    }

    /** No file: every setting comes from options, the environment or the built-in defaults. */
    static ConfigFile none(Path path) {
        return new ConfigFile(path, false, Map.of());
    }

    /**
     * Reads {@code path}. A missing file is no error when {@code mayBeMissing} (the default location); a file that
     * is not valid TOML, or holds a list or a table that is not a command, is a usage error naming file and line.
     */
    static ConfigFile load(Path path, boolean mayBeMissing) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            if (mayBeMissing) {
                return none(path);
            }
            throw new UserError(ExitCode.USAGE, "configuration file " + path + " does not exist");
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILURE, "configuration file " + path + ": " + ExceptionMapper.message(e));
        }
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            throw new UserError(ExitCode.USAGE, path + ":" + first.position().line() + ": " + first.getMessage());
        }
        Map<List<String>, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Object> e : toml.entryPathSet(false)) {
            int line = toml.inputPositionOf(e.getKey()).line();
            Object value = e.getValue();
            if (value instanceof TomlArray || value instanceof TomlTable) {
                throw new UserError(
                        ExitCode.USAGE,
                        path + ":" + line + ": " + String.join(".", e.getKey()) + ": give one value, not a list");
            }
            entries.put(List.copyOf(e.getKey()), new Entry(List.copyOf(e.getKey()), value.toString(), line));
        }
        return new ConfigFile(path, true, entries);
    }

    Path path() {
        return path;
    }

    boolean present() {
        return present;
    }

    Iterable<Entry> entries() {
        return entries.values();
    }

    /**
     * The value for {@code key} as the command {@code commandPath} (e.g. {@code [key, add]}) sees it: its own table
     * first, then its parents', then the top of the file.
     */
    Entry lookup(List<String> commandPath, String key) {
        for (int depth = commandPath.size(); depth >= 0; depth--) {
            List<String> candidate = new java.util.ArrayList<>(commandPath.subList(0, depth));
            candidate.add(key);
            Entry entry = entries.get(candidate);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** {@code file:line}, for messages and for {@code config check}. */
    String where(Entry entry) {
        return path + ":" + entry.line();
    }
}
