package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} lists a command's options in groups under headings: its own, then those of each shared mixin
 * (repository and catalog, snapshot choice, progress, hooks, metrics, filesystem snapshot), then the options every
 * command inherits. The options stay plain options in picocli's model (an {@code @ArgGroup} would leave its fields
 * unset when none of its options is given, so the configuration file's defaults would not reach them); only the
 * rendering groups them.
 */
final class GroupedOptionsHelp {
    static final String OWN = "Options:";
    static final String INHERITED = "Common options:";
    static final Map<Class<?>, String> HEADINGS = Map.of(
            RepositoryAccessOptions.class, "Repository and catalog:",
            CatalogOptions.class, "Repository and catalog:",
            SnapshotChoice.class, "Which snapshot:",
            ProgressOptions.class, "Progress:",
            HookOptions.class, "Hooks:",
            MetricsOptions.class, "Metrics:",
            FsSnapshotOptions.class, "Filesystem snapshot:");

    private GroupedOptionsHelp() {}

    /** Renders the option list of {@code cli} and of every subcommand in groups. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap()
                .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, GroupedOptionsHelp::render);
        for (CommandLine sub : cli.getSubcommands().values()) {
            install(sub);
        }
    }

    /** The options of a command by heading, in the order of the headings' first appearance. */
    static Map<String, List<OptionSpec>> groups(CommandSpec spec) {
        Map<OptionSpec, String> headingOf = new LinkedHashMap<>();
        for (CommandSpec mixin : spec.mixins().values()) {
            String heading = mixin.userObject() == null
                    ? null
                    : HEADINGS.get(mixin.userObject().getClass());
            if (heading != null) {
                for (OptionSpec o : mixin.options()) {
                    headingOf.put(spec.findOption(o.longestName()), heading);
                }
            }
        }
        Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
        groups.put(OWN, new ArrayList<>());
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String heading =
                    o.inherited() || o.usageHelp() || o.versionHelp() ? INHERITED : headingOf.getOrDefault(o, OWN);
            groups.computeIfAbsent(heading, h -> new ArrayList<>()).add(o);
        }
        List<OptionSpec> inherited = groups.remove(INHERITED);
        if (inherited != null) {
            groups.put(INHERITED, inherited);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static String render(Help help) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<OptionSpec>> group :
                groups(help.commandSpec()).entrySet()) {
            if (text.length() > 0) {
                text.append(System.lineSeparator());
            }
            text.append(group.getKey()).append(System.lineSeparator());
            text.append(help.optionListExcludingGroups(
                    group.getValue(),
                    help.createDefaultLayout(),
                    help.createDefaultOptionSort(),
                    help.parameterLabelRenderer()));
        }
        return text.toString();
    }
}
