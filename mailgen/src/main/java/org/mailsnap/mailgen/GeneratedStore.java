package org.mailsnap.mailgen;

import java.nio.file.Path;

/**
 * What {@link StoreGenerator#generate} wrote.
 *
 * @param root       the store directory
 * @param mailboxes  mailbox roots ({@code <domain>/<user>})
 * @param folders    folders over all mailboxes, INBOX included
 * @param messages   message files
 * @param bytes      total size of the message files
 * @param files      regular files: messages plus control files (uidlists, keywords, maildirfolder, subscriptions)
 */
public record GeneratedStore(Path root, int mailboxes, int folders, long messages, long bytes, long files) {

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%d mailboxes, %d folders, %d messages, %d files, %.1f MB in %s",
                mailboxes,
                folders,
                messages,
                files,
                bytes / 1e6,
                root);
    }
}
