package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.repository.UnlockCache;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.Storages;
import picocli.CommandLine.Option;

/**
 * {@code --repo}, {@code --password-file} and {@code --password-command}: how to reach and unlock a repository,
 * shared by every command that opens one. (How a repository is created and written is the engine's
 * {@link RepositoryOptions}.)
 */
final class RepositoryAccessOptions {
    @Option(
            names = {"-r", "--repo", "--repository"},
            paramLabel = "LOCATION",
            description = "Repository: a directory, or s3:http(s)://host:port/bucket/prefix "
                    + "(default: $MAILSNAP_REPOSITORY).")
    String repo;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the password from the first line of FILE (default: $MAILSNAP_PASSWORD, "
                    + "$MAILSNAP_PASSWORD_FILE, or a prompt on a terminal).")
    Path passwordFile;

    @Option(
            names = "--password-command",
            paramLabel = "COMMAND",
            description = "Run COMMAND with /bin/sh and read the password from the first line it prints (a secret "
                    + "store, pass, systemd-creds; default: $MAILSNAP_PASSWORD_COMMAND).")
    String passwordCommand;

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
        return Passwords.readSecret(passwordFile, passwordCommand, env, "password for " + location(env) + ": ")
                .value();
    }

    @Option(
            names = "--no-unlock-cache",
            description = "Always derive the key from the password (Argon2id), never use or write the local unlock "
                    + "cache that hourly runs use to skip it.")
    boolean noUnlockCache;

    /**
     * Whether runs may use and write the unlock cache for {@code secret}: not for a password typed at a prompt, and
     * not when {@code --no-unlock-cache} or {@code MAILSNAP_UNLOCK_CACHE=0} says so.
     */
    boolean unlockCacheAllowed(Environment env, Passwords.Secret secret) {
        return !secret.typed() && !noUnlockCache && !"0".equals(env.get("MAILSNAP_UNLOCK_CACHE"));
    }

    /** Opens the repository; the caller closes it and then its storage. */
    Repository open(Environment env) throws IOException {
        return open(env, null);
    }

    /**
     * Opens the repository, using the unlock cache at {@code cacheFile(repositoryId)} when the password was not
     * typed at a prompt (see {@link UnlockCache} for why that is no weaker).
     */
    Repository open(Environment env, Function<String, Path> cacheFile) throws IOException {
        Storage storage = storage(env);
        try {
            Passwords.Secret secret =
                    Passwords.readSecret(passwordFile, passwordCommand, env, "password for " + location(env) + ": ");
            if (cacheFile != null && unlockCacheAllowed(env, secret)) {
                return Repository.open(
                        storage,
                        secret.value(),
                        RepositoryOptions.defaults(),
                        id -> new UnlockCache(cacheFile.apply(id)));
            }
            return Repository.open(storage, secret.value());
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }
}
