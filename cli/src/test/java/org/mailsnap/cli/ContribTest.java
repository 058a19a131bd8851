package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contrib/: the systemd units are valid for systemd and their mailsnap command lines parse. */
class ContribTest {
    static final Path CONTRIB = Path.of("..", "contrib").toAbsolutePath().normalize();
    static final String INSTALLED = "/opt/mailsnap/bin/mailsnap";

    @TempDir
    Path tmp;

    @Test
    void theBackupUnitsCommandLineParses() throws Exception {
        for (String unit : List.of("mailsnap-backup.service")) {
            for (String line : Files.readAllLines(CONTRIB.resolve("systemd").resolve(unit))) {
                if (line.startsWith("ExecStart=" + INSTALLED + " ")) {
                    String[] args = line.substring(("ExecStart=" + INSTALLED + " ").length()).split(" ");
                    Environment env = new Environment(Map.of("MAILSNAP_CONFIG", "/dev/null"),
                            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
                    Main.commandLine(env, args).parseArgs(args); // throws on an unknown option
                }
            }
        }
    }

    @Test
    void systemdAcceptsTheUnits() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // verify wants ExecStart's program to exist: point it at this checkout's launcher.
        Path launcher = Path.of("..", "bin", "mailsnap").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        try (var units = Files.list(CONTRIB.resolve("systemd"))) {
            for (Path unit : units.sorted().toList()) {
                Path copy = tmp.resolve(unit.getFileName());
                Files.writeString(copy, Files.readString(unit).replace(INSTALLED, launcher.toString()));
                command.add(copy.toString());
            }
        }
        assertEquals(4 + 3, command.size(), "two services and two timers");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "no warnings");
    }
}
