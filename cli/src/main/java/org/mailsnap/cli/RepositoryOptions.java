package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.repository.Repository;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.Storages;
import picocli.CommandLine.Option;

/** {@code --repo} and {@code --password-file}, shared by every command that opens a repository. */
final class RepositoryOptions {
    @Option(names = {"-r", "--repo"}, paramLabel = "LOCATION",
            description = "Repository: a directory, or s3:http(s)://host:port/bucket/prefix "
                    + "(default: $MAILSNAP_REPOSITORY).")
    String repo;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (default: $MAILSNAP_PASSWORD, "
                    + "$MAILSNAP_PASSWORD_FILE, or a prompt on a terminal).")
    Path passwordFile;

    String location(Environment env) {
        String location = repo != null ? repo : env.get("MAILSNAP_REPOSITORY");
        if (location == null || location.isBlank()) {
            throw new UserError(ExitCode.USAGE, "no repository: use --repo or set MAILSNAP_REPOSITORY");
        }
        return location;
    }

    Storage storage(Environment env) throws IOException {
        return Storages.open(location(env), env.variables());
    }

    char[] password(Environment env) throws IOException {
        return Passwords.read(passwordFile, env, "password for " + location(env) + ": ");
    }

    /** Opens the repository; the caller closes it and then its storage. */
    Repository open(Environment env) throws IOException {
        Storage storage = storage(env);
        try {
            return Repository.open(storage, password(env));
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }
}
