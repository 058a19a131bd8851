package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file as an operator meets it: runs without options, precedence, and errors naming file:line. */
class ConfigFileTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path conf;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void files() throws Exception {
        Files.writeString(tmp.resolve("password"), "correct horse\n");
        Path mailbox = tmp.resolve("store/example.org/anne");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(mailbox.resolve(d));
        }
        Files.writeString(mailbox.resolve("new/1700000000.M1P1.host"), "Subject: hello\r\n\r\nbody\r\n");
        conf = tmp.resolve("mailsnap.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "# the hourly job's settings",
                        "repository = \"" + tmp.resolve("repo") + "\"",
                        "password-file = \"" + tmp.resolve("password") + "\"",
                        "catalog = \"" + tmp.resolve("catalog") + "\"",
                        "store = \"" + tmp.resolve("store") + "\"",
                        "keep-hourly = 24",
                        "",
                        "[backup]",
                        "lock = \"none\"",
                        "lock-timeout = 30",
                        ""));
        env.put("MAILSNAP_CONFIG", conf.toString());
    }

    @Test
    void theHourlyLineIsJustBackup() {
        CliRun init = run("init");
        assertEquals(0, init.code(), init.err());
        CliRun backup = run("backup");
        assertEquals(0, backup.code(), backup.err());
        assertTrue(backup.out().contains("1 messages"), backup.out());
        assertTrue(Files.isDirectory(tmp.resolve("catalog")), "the catalog the file names");

        env.remove("MAILSNAP_CONFIG");
        CliRun named = run("--config", conf.toString(), "snapshots");
        assertEquals(0, named.code(), named.err());
        assertTrue(named.out().contains("1 snapshots"), named.out());
        CliRun after = run("snapshots", "--config=" + conf);
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void optionBeatsEnvironmentBeatsFileBeatsDefault() {
        env.put("MAILSNAP_LOCK_TIMEOUT", "40");
        env.put("MAILSNAP_LAYOUT", "fs");
        CliRun check = run("config", "check", "backup", "--layout", "maildir++");
        assertEquals(0, check.code(), check.err());
        String out = check.out();
        assertTrue(out.contains("configuration file " + conf + ": ok"), out);
        assertTrue(line(out, "lock ").contains("none") && line(out, "lock ").contains("(file " + conf + ":9)"), out);
        assertTrue(
                line(out, "lock-timeout").contains("40")
                        && line(out, "lock-timeout").contains("(environment MAILSNAP_LOCK_TIMEOUT)"),
                out);
        assertTrue(
                line(out, "layout").contains("maildir++") && line(out, "layout").contains("(option)"), out);
        assertTrue(
                line(out, "separator").contains(":") && line(out, "separator").contains("(default)"), out);
        assertTrue(line(out, "store").contains("(file " + conf + ":5)"), out);
    }

    @Test
    void configCheckJsonIsOneObjectAndTheCheckedCommandKeepsItsOwnJson() {
        env.put("MAILSNAP_LOCK_TIMEOUT", "40");
        CliRun check = run("config", "check", "--json", "backup", "--layout", "maildir++", "--json");
        assertEquals(0, check.code(), check.err());
        assertEquals("", check.err());
        assertEquals(1, check.out().lines().count(), check.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) Json.parse(check.out());
        JsonOutputTest.keys(o, "file", "present", "ok", "problems", "command", "settings");
        assertEquals(conf.toString(), o.get("file"));
        assertEquals(true, o.get("present"));
        assertEquals(true, o.get("ok"));
        assertEquals(List.of(), o.get("problems"));
        assertEquals("backup", o.get("command"));
        Map<String, Map<String, Object>> settings = new java.util.HashMap<>();
        for (Object row : (List<?>) o.get("settings")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> setting = (Map<String, Object>) row;
            JsonOutputTest.keys(setting, "key", "value", "source");
            settings.put((String) setting.get("key"), setting);
        }
        assertEquals(Map.of("key", "lock", "value", "none", "source", "file " + conf + ":9"), settings.get("lock"));
        assertEquals(
                "environment MAILSNAP_LOCK_TIMEOUT",
                settings.get("lock-timeout").get("source"));
        assertEquals(Map.of("key", "layout", "value", "maildir++", "source", "option"), settings.get("layout"));
        assertEquals(
                Map.of("key", "json", "value", "true", "source", "option"),
                settings.get("json"),
                "the --json after the command is backup's");

        CliRun text = run("config", "check", "backup", "--json");
        assertEquals(0, text.code(), text.err());
        assertTrue(
                text.out().startsWith("configuration file " + conf + ": ok\nsettings of 'mailsnap backup':"),
                text.out());
    }

    @Test
    void configCheckJsonListsTheProblemsAndExits2() throws Exception {
        Files.writeString(conf, Files.readString(conf) + "pasword-file = \"/x\"\n");
        CliRun check = run("config", "check", "--json");
        assertEquals(2, check.code());
        assertEquals(
                "mailsnap: " + conf + ":11: unknown key 'pasword-file' for 'backup'",
                check.err().strip());
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) Json.parse(check.out());
        assertEquals(false, o.get("ok"));
        assertEquals(List.of(conf + ":11: unknown key 'pasword-file' for 'backup'"), o.get("problems"));
        assertNull(o.get("command"));
        assertEquals(List.of(), o.get("settings"));
    }

    @Test
    void aPasswordInTheEnvironmentBeatsTheFilesPasswordFile() throws Exception {
        assertEquals(0, run("init").code());
        Files.writeString(tmp.resolve("password"), "not the password\n");
        env.put("MAILSNAP_PASSWORD", "correct horse");
        CliRun list = run("key", "list");
        assertEquals(0, list.code(), list.err());
        CliRun check = run("config", "check", "key", "list");
        assertTrue(line(check.out(), "password ").contains("environment MAILSNAP_PASSWORD"), check.out());
        assertFalse(check.out().contains("correct horse"), "never printed");
    }

    @Test
    void passwordCommandReadsTheFirstLineAndNamesAFailure() throws Exception {
        assertEquals(0, run("init").code());
        Files.writeString(
                conf,
                Files.readString(conf)
                        .replace(
                                "password-file = \"" + tmp.resolve("password") + "\"",
                                "password-command = \"printf 'correct horse\\\\nsecond line\\\\n'\""));
        CliRun ok = run("key", "list");
        assertEquals(0, ok.code(), ok.err() + Files.readString(conf));

        CliRun failing = run("key", "list", "--password-command", "exit 3");
        assertEquals(2, failing.code());
        assertEquals(
                "mailsnap: the password command failed (exit status 3): exit 3",
                failing.err().strip());
    }

    @Test
    void anUnknownKeyIsOneLineNamingFileAndLine() throws Exception {
        Files.writeString(conf, Files.readString(conf) + "pasword-file = \"/x\"\n");
        CliRun check = run("config", "check");
        assertEquals(2, check.code());
        assertEquals(
                "mailsnap: " + conf + ":11: unknown key 'pasword-file' for 'backup'",
                check.err().strip());

        Files.writeString(conf, "[bakup]\nlock = \"none\"\n");
        CliRun table = run("config", "check");
        assertEquals(
                "mailsnap: " + conf + ":2: [bakup] is not a mailsnap command",
                table.err().strip());
    }

    @Test
    void aBadValueOrBadSyntaxNamesFileAndLine() throws Exception {
        Files.writeString(conf, Files.readString(conf).replace("lock-timeout = 30", "lock-timeout = \"soon\""));
        CliRun check = run("config", "check");
        assertEquals(2, check.code());
        assertTrue(
                check.err()
                        .startsWith("mailsnap: " + conf + ":10: backup: Invalid value for option "
                                + "'--lock-timeout': 'soon'"),
                check.err());
        CliRun backup = run("backup");
        assertEquals(2, backup.code());
        assertTrue(backup.err().startsWith("mailsnap: " + conf + ":10: Invalid value"), backup.err());

        Files.writeString(conf, "repository = \"/srv\"\nlock = [\"none\"\n");
        CliRun syntax = run("snapshots");
        assertEquals(2, syntax.code());
        assertEquals(1, syntax.err().lines().count(), syntax.err());
        assertTrue(syntax.err().startsWith("mailsnap: " + conf + ":3: "), syntax.err());

        Files.writeString(conf, "tag = [\"a\", \"b\"]\n");
        CliRun list = run("snapshots");
        assertEquals(
                "mailsnap: " + conf + ":1: tag: give one value, not a list",
                list.err().strip());
    }

    @Test
    void aNamedFileMustExistTheDefaultNeedNot() {
        env.put("MAILSNAP_CONFIG", tmp.resolve("missing.conf").toString());
        CliRun missing = run("snapshots");
        assertEquals(2, missing.code());
        assertEquals(
                "mailsnap: configuration file " + tmp.resolve("missing.conf") + " does not exist",
                missing.err().strip());
        assertFalse(ConfigFile.load(tmp.resolve("absent"), true).present());
    }

    @Test
    void theContribExamplePassesItsOwnCheck() {
        Path example =
                Path.of("..", "contrib", "mailsnap.conf").toAbsolutePath().normalize();
        env.put("MAILSNAP_CONFIG", example.toString());
        CliRun check = run("config", "check");
        assertEquals(0, check.code(), check.err());
        assertTrue(line(check.out(), "store").contains("/var/vmail"), check.out());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.strip().startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }
}
