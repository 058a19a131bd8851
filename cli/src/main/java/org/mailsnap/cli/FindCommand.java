package org.mailsnap.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.recovery.HitFlagWords;
import org.mailsnap.recovery.MessageFinder;
import org.mailsnap.recovery.MessageHit;
import org.mailsnap.recovery.RepositoryLedgers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Searches the catalog's message index. Each hit names the snapshots that hold it, so a message deleted last Tuesday
 * is found and put back with {@code restore --message BASE --merge}. The repository is read only to name the
 * keywords of hits that carry keyword letters, and, for a hit that went away after the snapshots holding it were
 * forgotten, to find the deleted-mail ledger that keeps it ({@code --deleted-since} lists only what something
 * keeps).
 */
@Command(
        name = "find",
        description = {
            "Find messages across all snapshots by Message-ID, From, To, Subject or date.",
            "The search reads the local catalog (the repository only to name keywords and read deleted-mail ledgers);",
            "--mailbox narrows it. Each hit by date, From, Subject and flags in words, with its GUID and the snapshots",
            "that hold it. --deleted-since TIME lists the messages that left every folder of their mailbox since TIME",
            "and can still be restored: from the last snapshot that held them, or from the deleted-mail ledger that",
            "'forget --keep-deleted-within' keeps once those snapshots are forgotten; each with when it was last seen",
            "and found gone, and the restore command that puts it back."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap find --mailbox example.org/anne --subject invoice --since 7d",
            "  mailsnap find --message-id 20261124.abc@example.net",
            "  mailsnap find --from bob@example.net --since 2026-11-01 --until 2026-11-30",
            "  mailsnap find --deleted-since 7d --mailbox example.org/anne --subject invoice"
        })
final class FindCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--message-id", paramLabel = "ID")
    String messageId;

    @Option(names = "--from", paramLabel = "TEXT")
    String from;

    @Option(names = "--to", paramLabel = "TEXT")
    String to;

    @Option(names = "--subject", paramLabel = "TEXT")
    String subject;

    @Option(names = "--since", paramLabel = "TIME", description = "Date header at or after TIME.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Date header before TIME.")
    String until;

    @Option(
            names = "--deleted-since",
            paramLabel = "TIME",
            description = "Only messages that left every folder of their mailbox since TIME (e.g. 7d, 2026-12-01):"
                    + " found gone by a backup at or after TIME, as 'restore --deleted-since' selects them, and still"
                    + " kept by a snapshot or the deleted-mail ledger.")
    String deletedSince;

    @Option(
            names = {"-m", "--mailbox"},
            paramLabel = "MAILBOX")
    String mailbox;

    @Option(
            names = "--guid",
            paramLabel = "GUID",
            description = "Dovecot's GUID of the message (doveadm fetch guid;"
                    + " its base unless Dovecot recorded another when it was moved back into a folder).")
    String guid;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many hits (default: 100).")
    int limit;

    @Option(names = "--json", description = "Print one JSON object: {\"hits\": [...]} (schema in README).")
    boolean json;

    FindCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        MessageQuery q = MessageQuery.all().withLimit(limit);
        Clock clock = env.clock();
        if (messageId != null) {
            q = q.withMessageId(messageId);
        }
        if (from != null) {
            q = q.withFrom(from);
        }
        if (to != null) {
            q = q.withTo(to);
        }
        if (subject != null) {
            q = q.withSubject(subject);
        }
        if (since != null) {
            q = q.withSince(TimeExpressions.parseStart(since, clock));
        }
        if (until != null) {
            q = q.withUntil(TimeExpressions.parse(until, clock));
        }
        if (deletedSince != null) {
            q = q.withGoneSince(TimeExpressions.parseStart(deletedSince, clock));
        }
        if (mailbox != null) {
            q = q.withMailbox(mailbox);
        }
        if (guid != null) {
            q = q.withGuid(guid);
        }
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = SnapshotHistory.load(session.repository, session.catalog);
            MessageFinder.Found found;
            try (CatalogReader reader = session.catalog.read()) {
                found = new MessageFinder(
                                history.all(), new RepositoryLedgers(session.repository, session.blobs()::get))
                        .search(reader, q);
            }
            HitFlagWords flagWords = new HitFlagWords(history, session.blobs()::get);
            List<FindHit> hits = new ArrayList<>();
            for (MessageHit hit : found.hits()) {
                hits.add(new FindHit(hit, flagWords.of(hit)));
            }
            if (json) {
                env.out().println(Json.object(session.json(FindJson.json(hits, found.limitReached()))));
            } else {
                FindText.print(hits, found.limitReached(), env.out());
            }
        }
        return 0;
    }
}
