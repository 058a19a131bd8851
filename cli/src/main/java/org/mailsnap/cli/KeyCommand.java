package org.mailsnap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.repository.KeyInfo;
import org.mailsnap.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Passwords of a repository: each is a key file wrapping the same master key, so no data is re-encrypted. */
@Command(
        name = "key",
        description = "Manage the repository's passwords.",
        footer = {
            "",
            "Examples:",
            "  mailsnap key list",
            "  mailsnap key add --new-password-file /root/second-password",
            "  mailsnap key remove 3f2a9c"
        },
        subcommands = {KeyCommand.Add.class, KeyCommand.ListKeys.class, KeyCommand.Remove.class, KeyCommand.Passwd.class
        })
final class KeyCommand {
    @Command(name = "add", description = "Add a password.")
    static final class Add implements Callable<Integer> {
        private final Environment env;

        @Mixin
        RepositoryAccessOptions repository;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE.")
        Path newPasswordFile;

        @Option(names = "--label", description = "A note stored with the key (default: user@host).")
        String label;

        @Option(names = "--json", description = "Print one JSON object: {\"key\": the new key's id}.")
        boolean json;

        Add(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            try (Repository repo = repository.open(env)) {
                char[] password = newPassword(env, newPasswordFile);
                KeyInfo key = repo.keyFiles().add(password, label == null ? defaultLabel() : label);
                env.out().println(json ? Json.object(KeyJson.key(key)) : KeyText.added(key));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the passwords (key files).")
    static final class ListKeys implements Callable<Integer> {
        private final Environment env;

        @Mixin
        RepositoryAccessOptions repository;

        @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object (schema in README).")
        boolean json;

        ListKeys(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            try (Repository repo = repository.open(env)) {
                List<KeyInfo> keys = repo.keyFiles().list();
                if (json) {
                    env.out().println(Json.object(KeyJson.list(keys)));
                } else {
                    KeyText.list(keys, env.out());
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a password (never the last one).")
    static final class Remove implements Callable<Integer> {
        private final Environment env;

        @Mixin
        RepositoryAccessOptions repository;

        @Parameters(paramLabel = "ID", description = "The key's id or a unique prefix of it.")
        String id;

        @Option(names = "--force", description = "Also remove the key that was used to open the repository.")
        boolean force;

        @Option(names = "--json", description = "Print one JSON object: {\"removed\": ID as given}.")
        boolean json;

        Remove(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            try (Repository repo = repository.open(env)) {
                repo.keyFiles().remove(id, force);
                env.out().println(json ? Json.object(KeyJson.removed(id)) : KeyText.removed(id));
            }
            return 0;
        }
    }

    @Command(name = "passwd", description = "Change the password used to open the repository.")
    static final class Passwd implements Callable<Integer> {
        private final Environment env;

        @Mixin
        RepositoryAccessOptions repository;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE.")
        Path newPasswordFile;

        @Option(names = "--json", description = "Print one JSON object: {\"key\": the new key's id}.")
        boolean json;

        Passwd(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            try (Repository repo = repository.open(env)) {
                KeyInfo key = repo.keyFiles().changePassword(newPassword(env, newPasswordFile), defaultLabel());
                env.out().println(json ? Json.object(KeyJson.key(key)) : KeyText.passwordChanged(key));
            }
            return 0;
        }
    }

    static char[] newPassword(Environment env, Path file) throws java.io.IOException {
        return Passwords.readAdditional(file, env);
    }

    static String defaultLabel() {
        return System.getProperty("user.name", "?") + "@" + BackupCommand.hostname();
    }
}
