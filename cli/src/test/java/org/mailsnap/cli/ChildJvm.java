package org.mailsnap.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running the CLI as the launcher would: this JVM's opens and class path. */
final class ChildJvm {
    private ChildJvm() {}

    /** {@code java <opens> -cp <class path> [jvmOptions] org.mailsnap.cli.Main <args>}. */
    static List<String> mailsnap(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--enable-native-access")) {
                command.add(arg);
            }
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
