package org.mailsnap.maildir;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One user's Maildir: INBOX at the root and its folders.
 *
 * @param name    the root's path relative to the store, {@code /}-separated ({@code ""} when the store is the root)
 * @param root    the root directory
 * @param folders every folder, INBOX (folder {@code ""}) first, sorted by folder name
 */
public record Mailbox(String name, Path root, List<MailFolder> folders) {
    public Mailbox {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        folders = List.copyOf(folders);
    }
}
