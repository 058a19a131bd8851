package org.mailsnap.cli;

import java.util.List;
import org.mailsnap.crypto.Primitives;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command: prints usage; the work is in the subcommands, which {@link Main} registers (see
 * {@link #SUBCOMMANDS}).
 */
// INHERIT: every subcommand takes --help and --version too (`mailsnap restore --help` lists restore's options).
@Command(
        name = "mailsnap",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = MailsnapCommand.Version.class,
        description = "Incremental, deduplicating, encrypted backups of Dovecot Maildir stores.",
        footer = {
            "",
            "Environment: MAILSNAP_REPOSITORY, MAILSNAP_PASSWORD, MAILSNAP_PASSWORD_FILE, MAILSNAP_CATALOG,",
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (S3), MAILSNAP_CRYPTO=jdk (JDK crypto instead of AWS-LC).",
            "Any option also as MAILSNAP_<OPTION> (MAILSNAP_LOCK_TIMEOUT=30) or in /etc/mailsnap/mailsnap.conf",
            "(MAILSNAP_CONFIG, --config); an option given here wins, then the environment, then the file."
        })
final class MailsnapCommand implements Runnable {
    /** In the order of the usage message. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            KeyCommand.class,
            BackupCommand.class,
            SnapshotsCommand.class,
            LsCommand.class,
            DiffCommand.class,
            RestoreCommand.class,
            FindCommand.class,
            DumpCommand.class,
            ForgetCommand.class,
            PruneCommand.class,
            UnlockCommand.class,
            CatalogCommand.class,
            CheckCommand.class,
            RepairCommand.class,
            StatsCommand.class,
            ConfigCommand.class,
            CompletionCommand.class,
            DemoCommand.class);

    @Spec
    CommandSpec spec;

    static final String CONFIG_OPTION = "--config";

    /** Read by {@link Main} before parsing (the file supplies defaults); declared here for help and parsing. */
    @Option(
            names = CONFIG_OPTION,
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Configuration file (default: $MAILSNAP_CONFIG, else /etc/mailsnap/mailsnap.conf if it "
                    + "exists); see 'mailsnap config check'.")
    java.nio.file.Path config;

    static final String VERBOSE_OPTION = "--verbose";

    @Option(
            names = {"-v", VERBOSE_OPTION},
            scope = CommandLine.ScopeType.INHERIT,
            description = "Also show the libraries' log lines (the AWS SDK's, on stderr); MAILSNAP_DEBUG=1 shows "
                    + "their debug lines and a stack trace with an error.")
    boolean verbose;

    /** The version, and which implementation does the cryptography (it decides much of the speed). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mailsnap 0.1.0", "crypto: " + Primitives.description()};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
