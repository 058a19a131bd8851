package org.mailsnap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: prints usage; the work is in the subcommands. */
@Command(name = "mailsnap", mixinStandardHelpOptions = true, version = "mailsnap 0.1.0",
        description = "Incremental, deduplicating, encrypted backups of Dovecot Maildir stores.",
        subcommands = {InitCommand.class, KeyCommand.class, BackupCommand.class, SnapshotsCommand.class,
                LsCommand.class, DiffCommand.class, RestoreCommand.class, FindCommand.class, DemoCommand.class},
        footer = {"", "Environment: MAILSNAP_REPOSITORY, MAILSNAP_PASSWORD, MAILSNAP_PASSWORD_FILE, MAILSNAP_CATALOG,",
                "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (S3)."})
final class MailsnapCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
