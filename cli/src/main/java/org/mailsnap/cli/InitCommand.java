package org.mailsnap.cli;

import java.util.concurrent.Callable;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "init",
        description = "Create a new, empty repository (refuses an existing one).",
        footer = {
            "",
            "Examples:",
            "  mailsnap init -r /srv/backup/mail --password-file /etc/mailsnap/password",
            "  MAILSNAP_REPOSITORY=s3:https://s3.example.net/backups/mx1 mailsnap init"
        })
final class InitCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Option(names = "--json", description = "Print one JSON object: {\"repository\": id, \"location\"} (README).")
    boolean json;

    InitCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Storage storage = repository.storage(env)) {
            char[] password = Passwords.readNew(repository.passwordFile, env, "new repository password: ");
            try (Repository repo = Repository.init(storage, password, RepositoryOptions.defaults())) {
                if (json) {
                    env.out()
                            .println(Json.object(java.util.Map.of(
                                    "repository", repo.config().repositoryId(), "location", storage.location())));
                } else {
                    env.out()
                            .println(
                                    "created repository " + repo.config().repositoryId() + " at " + storage.location());
                    env.out().println("keep the password safe: without it the backups cannot be read");
                }
            }
        }
        return ExitCode.OK.code();
    }
}
