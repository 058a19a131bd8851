package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.repository.UnlockCache;
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

    /** Where the catalog will be: the unlock cache goes beside it. */
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--json", description = "Print one JSON object: {\"repository\": id, \"location\"} (README).")
    boolean json;

    InitCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Storage storage = repository.storage(env)) {
            Passwords.Secret password = Passwords.readNew(repository.passwordFile, env, "new repository password: ");
            try (Repository repo = Repository.init(storage, password.value(), RepositoryOptions.defaults())) {
                if (repository.unlockCacheAllowed(env, password)) {
                    writeUnlockCache(repo, password.value());
                }
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

    /**
     * The unlock cache the first backup would write after deriving the key (the password is on the machine, so the
     * cache's condition holds): written now, that backup skips the derivation and the 64 MiB it takes. The
     * repository exists whatever happens here, so a failure is a warning.
     */
    private void writeUnlockCache(Repository repo, char[] password) {
        Path file = catalog.unlockCache(env, repo.config().repositoryId());
        try {
            repo.writeUnlockCache(new UnlockCache(file), password);
        } catch (IOException e) {
            env.err()
                    .println("mailsnap: warning: could not write the unlock cache " + file + " (" + e.getMessage()
                            + "); the first backup derives the key itself");
        }
    }
}
