package org.mailsnap.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.dump.DumpFormat;
import org.mailsnap.dump.DumpResult;
import org.mailsnap.dump.FolderDump;
import org.mailsnap.dump.OutputFile;
import org.mailsnap.history.SnapshotHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "dump",
        description = {
            "Write one folder of a snapshot as an mbox file or a tar of the Maildir folder.",
            "The mbox is mboxrd; it goes to stdout or --output, for a user who wants their mail as a file."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap dump --at now -m example.org/anne -o anne-inbox.mbox",
            "  mailsnap dump --snapshot latest -m example.org/anne -f .Sent --format maildir-tar > sent.tar"
        })
final class DumpCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SnapshotChoice snapshot;

    @Option(
            names = {"-m", "--mailbox"},
            required = true,
            paramLabel = "MAILBOX")
    String mailbox;

    @Option(
            names = {"-f", "--folder"},
            defaultValue = "INBOX",
            paramLabel = "FOLDER",
            description = "'INBOX' (default) or a folder such as '.Sent'.")
    String folder;

    @Option(
            names = "--format",
            defaultValue = "mbox",
            paramLabel = "FORMAT",
            description = "mbox (default) or maildir-tar.")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write here instead of stdout: whole or "
                    + "not at all (via a temporary file beside it), never through a symbolic link at FILE.")
    Path output;

    DumpCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        DumpFormat kind = switch (format) {
            case "mbox" -> DumpFormat.MBOX;
            case "maildir-tar", "tar" -> DumpFormat.MAILDIR_TAR;
            default -> throw new UserError(ExitCode.USAGE, "--format must be mbox or maildir-tar, not " + format);
        };
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            var snap = history.open(snapshot.resolve(history, env.clock()));
            var blobs = session.blobs().inStoredOrder();
            FolderDump dump = new FolderDump(DamageMarks.marking(blobs::get, session.catalog));
            String wantedFolder = folder.equalsIgnoreCase("INBOX") ? "" : folder;
            DumpResult r;
            if (output != null) {
                // Whole or not at all: a failure leaves no partial file behind (OutputFile).
                try (OutputFile file = OutputFile.create(output)) {
                    r = dump.write(snap, mailbox, wantedFolder, kind, file.stream());
                    file.commit();
                }
            } else {
                // stdout is the process's, not this command's: flushed at the end, never closed (an in-process
                // caller such as a test runner goes on writing to it).
                OutputStream stdout = new java.io.FilterOutputStream(new FileOutputStream(java.io.FileDescriptor.out)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws java.io.IOException {
                        flush();
                    }
                };
                try (OutputStream buffered = new BufferedOutputStream(stdout, 1 << 16)) {
                    r = dump.write(snap, mailbox, wantedFolder, kind, buffered);
                    buffered.flush();
                }
            }
            env.err().printf("mailsnap: dumped %d messages (%s)%n", r.messages(), Units.bytes(r.messageBytes()));
        }
        return 0;
    }
}
