package org.mailsnap.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM as the launcher would start it: this JVM's opens, and where lmdbjava extracts its
 * library (surefire puts it under {@code target/}, so children a test kills leave their copy there, not in /tmp).
 */
final class ChildJvm {
    private ChildJvm() {}

    /** {@code java <opens> -cp <class path> [jvmOptions] org.mailsnap.cli.Main <args>}. */
    static List<String> mailsnap(List<String> jvmOptions, String... args) {
        return java(jvmOptions, Main.class, args);
    }

    /** {@code java <opens> -cp <class path> [jvmOptions] <main> <args>}. */
    static List<String> java(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inherited());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** This JVM's options a child needs too: its opens and {@link #libraryOptions()}. */
    static List<String> inherited() {
        return inputArguments("--add-opens", "--enable-native-access", "-Dlmdbjava.");
    }

    /** Where this JVM's lmdbjava extracts its library, for a child that sets its own opens. */
    static List<String> libraryOptions() {
        return inputArguments("-Dlmdbjava.");
    }

    private static List<String> inputArguments(String... prefixes) {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            for (String prefix : prefixes) {
                if (arg.startsWith(prefix)) {
                    options.add(arg);
                    break;
                }
            }
        }
        return options;
    }
}
