package org.mailsnap.dovecot;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One logged-in IMAP client of a test user, on a real IMAP library (Angus Mail). Messages are addressed by UID and
 * folders by name; like a real client, the session has one selected folder at a time and selects another when an
 * operation needs it. {@link #store()} gives the underlying Angus store for anything not covered here.
 *
 * <p>Not thread-safe: use one session per thread (each is its own IMAP connection, as separate clients would be).
 * Failures are {@link IOException}s naming the user, the folder and the UID.
 */
public final class ImapSession implements AutoCloseable {

    /** NOOPs before a UID not in the view is taken as absent: each waits for Dovecot's sync, if any. */
    private static final int VIEW_REFRESHES = 200;

    /** UID EXPUNGEs of one message before it is taken as stuck. */
    private static final int EXPUNGE_ATTEMPTS = 5;

    /** UID STOREs of one change before Dovecot's answer without it is taken as a failure. */
    private static final int STORE_ATTEMPTS = 5;

    private final String user;
    private final IMAPStore store;
    private IMAPFolder selected;

    private ImapSession(String user, IMAPStore store) {
        this.user = user;
        this.store = store;
    }

    static ImapSession connect(String host, int port, String user, String password, Duration timeout)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", Long.toString(timeout.toMillis()));
        // A command may legitimately wait for Dovecot's uidlist lock (up to ~2 minutes before Dovecot gives up).
        properties.setProperty("mail.imap.timeout", Long.toString(Math.max(timeout.toMillis(), 150_000)));
        try {
            IMAPStore store = (IMAPStore) Session.getInstance(properties).getStore("imap");
            store.connect(host, port, user, password);
            return new ImapSession(user, store);
        } catch (MessagingException e) {
            throw new IOException("IMAP login of " + user + " at " + host + ":" + port + " failed: " + e, e);
        }
    }

    public String user() {
        return user;
    }

    /** The underlying Angus Mail store, connected and authenticated. */
    public IMAPStore store() {
        return store;
    }

    /** Creates a folder (a {@code .Name} directory in Maildir++). */
    public void create(String folder) throws IOException {
        imap("CREATE", folder, () -> {
            if (!store.getFolder(folder).create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the server refused to create it");
            }
            return null;
        });
    }

    /** SELECTs the folder afresh and returns what the server reported for it. */
    public FolderStatus select(String folder) throws IOException {
        closeSelected();
        IMAPFolder open = selected(folder);
        return imap(
                "SELECT",
                folder,
                () -> new FolderStatus(folder, open.getMessageCount(), open.getUIDValidity(), open.getUIDNext()));
    }

    /** STATUS (MESSAGES UIDVALIDITY UIDNEXT) of a folder, without selecting it. */
    public FolderStatus status(String folder) throws IOException {
        String[] items = {"MESSAGES", "UIDVALIDITY", "UIDNEXT"};
        Status status = imap("STATUS", folder, () ->
                (Status) ((IMAPFolder) store.getFolder(folder)).doCommand(protocol -> protocol.status(folder, items)));
        return new FolderStatus(folder, status.total, status.uidvalidity, status.uidnext);
    }

    /** APPENDs the exact bytes (send CRLF line ends) with the given flags; returns the UID the server assigned. */
    public long append(String folder, byte[] rawMessage, String... flags) throws IOException {
        return append(folder, rawMessage, null, flags);
    }

    /** APPEND with an INTERNALDATE ({@code null}: the server's clock). */
    public long append(String folder, byte[] rawMessage, Date internalDate, String... flags) throws IOException {
        Literal literal = new Literal() {
            @Override
            public int size() {
                return rawMessage.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(rawMessage);
            }
        };
        AppendUID uid = imap("APPEND", folder, () -> (AppendUID) ((IMAPFolder) store.getFolder(folder))
                .doCommand(protocol -> protocol.appenduid(
                        folder, flags.length == 0 ? null : ImapFlags.toFlags(flags), internalDate, literal)));
        if (uid == null) {
            throw new IOException("IMAP APPEND to " + user + "/" + folder + " returned no APPENDUID");
        }
        return uid.uid;
    }

    /** UID STORE +FLAGS: adds system flags and/or keywords; returns how many STOREs were sent (see storeFlags). */
    public int addFlags(String folder, long uid, String... flags) throws IOException {
        return storeFlags(folder, uid, true, flags);
    }

    /** UID STORE -FLAGS: removes system flags and/or keywords; returns how many STOREs were sent. */
    public int removeFlags(String folder, long uid, String... flags) throws IOException {
        return storeFlags(folder, uid, false, flags);
    }

    /**
     * Names the message by its UID, not by a sequence number this session's view maps it to, and checks the flags
     * Dovecot reports for it right after: a change a client logs is one Dovecot confirmed for that message. A STORE
     * Dovecot answers without the change is sent again, as a user sets a flag again that did not stick: Dovecot
     * gives a keyword its letter in {@code dovecot-keywords} only while it holds the uidlist lock, and a sync that
     * only tries the lock while it is held elsewhere leaves a keyword new to the folder out of the file's name and
     * the answer (ConcurrentActivityBackupTest, once in CI, with several sessions and backups on the mailbox; a
     * STORE made while a backup lists waits for the lock and keeps the keyword: BackupLockEtiquetteTest). Returns how
     * many were sent.
     */
    private int storeFlags(String folder, long uid, boolean add, String... flags) throws IOException {
        for (int sent = 1; ; sent++) {
            Set<String> answered = storeOnce(folder, uid, add, flags);
            if (Arrays.stream(flags).allMatch(f -> answered.stream().anyMatch(f::equalsIgnoreCase) == add)) {
                return sent;
            }
            if (sent == STORE_ATTEMPTS) {
                throw new IOException("IMAP UID STORE " + uid + (add ? " +FLAGS (" : " -FLAGS (")
                        + String.join(" ", flags) + ") in " + user + "/" + folder + ": Dovecot answered FLAGS "
                        + answered + " to each of " + sent);
            }
        }
    }

    /** One UID STORE and Dovecot's flags of the message right after it. */
    private Set<String> storeOnce(String folder, long uid, boolean add, String... flags) throws IOException {
        IMAPFolder open = selected(folder);
        ImapFlags.toFlags(flags); // rejects what is not a flag or keyword
        String command = "UID STORE " + uid + (add ? " +FLAGS (" : " -FLAGS (") + String.join(" ", flags) + ")";
        Set<String> answered = imap("STORE", folder, () -> {
            message(open, uid); // in this session's view: a UID STORE of a UID outside it changes nothing
            @SuppressWarnings("unchecked")
            Set<String> now = (Set<String>) open.doCommand(protocol -> {
                Response[] stored = protocol.command(command, null);
                protocol.notifyResponseHandlers(stored);
                protocol.handleResult(stored[stored.length - 1]);
                // Dovecot answers a STORE that changed nothing without FLAGS: ask for them
                Response[] fetched = protocol.command("UID FETCH " + uid + " (UID FLAGS)", null);
                Set<String> reported = null;
                for (Response response : fetched) {
                    if (response instanceof FetchResponse fetch
                            && fetch.getItem(UID.class) != null
                            && fetch.getItem(UID.class).uid == uid
                            && fetch.getItem(FLAGS.class) != null) {
                        reported = ImapFlags.toNames(fetch.getItem(FLAGS.class));
                    }
                }
                protocol.notifyResponseHandlers(fetched);
                protocol.handleResult(fetched[fetched.length - 1]);
                return reported;
            });
            return now;
        });
        if (answered == null) {
            throw new IOException("IMAP " + command + " in " + user + "/" + folder + ": no FLAGS in the answer");
        }
        return answered;
    }

    /** COPY one message; returns its UID in the target folder. */
    public long copy(String fromFolder, long uid, String toFolder) throws IOException {
        IMAPFolder open = selected(fromFolder);
        AppendUID[] copied = imap(
                "COPY",
                fromFolder,
                () -> open.copyUIDMessages(new Message[] {message(open, uid)}, store.getFolder(toFolder)));
        return targetUid("COPY", fromFolder, uid, copied);
    }

    /** MOVE one message (RFC 6851); returns its UID in the target folder. */
    public long move(String fromFolder, long uid, String toFolder) throws IOException {
        IMAPFolder open = selected(fromFolder);
        AppendUID[] moved = imap(
                "MOVE",
                fromFolder,
                () -> open.moveUIDMessages(new Message[] {message(open, uid)}, store.getFolder(toFolder)));
        return targetUid("MOVE", fromFolder, uid, moved);
    }

    /**
     * Marks one message \Deleted and expunges only it (UID EXPUNGE), again while it is still there, as a client
     * does. Under heavy load Dovecot 2.3 once answered OK and left the message with \Deleted in the folder; a
     * repeated UID EXPUNGE removes it. Returns how many were sent.
     */
    public int expunge(String folder, long uid) throws IOException {
        IMAPFolder open = selected(folder);
        return imap("EXPUNGE", folder, () -> {
            Message message = message(open, uid);
            message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            int sent = 0;
            for (; message != null; message = open.getMessageByUID(uid)) {
                if (sent == EXPUNGE_ATTEMPTS) {
                    throw new MessagingException("UID " + uid + " still there after " + sent + " UID EXPUNGEs");
                }
                open.expunge(new Message[] {message});
                sent++;
            }
            return sent;
        });
    }

    /**
     * The UID of the one message of the folder with this {@code Message-ID} ({@code UID SEARCH HEADER}), NOOPing
     * until it is in the session's view; fails when there is none or more than one.
     */
    public long uidByMessageId(String folder, String messageId) throws IOException {
        try {
            return searchByMessageId(selected(folder), folder, messageId);
        } catch (IOException notInView) {
            // Each NOOP's sync only tries the uidlist lock, and backups running back to back may hold it at every
            // one of them; a new SELECT waits for the lock and syncs, as a client reopening the folder would.
            closeSelected();
            return searchByMessageId(selected(folder), folder, messageId);
        }
    }

    private long searchByMessageId(IMAPFolder open, String folder, String messageId) throws IOException {
        return imap("SEARCH", folder, () -> {
            for (int attempt = 0; attempt < VIEW_REFRESHES; attempt++) {
                Message[] found = open.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageId));
                if (found.length > 1) {
                    throw new MessagingException(found.length + " messages with Message-ID " + messageId);
                }
                if (found.length == 1) {
                    return open.getUID(found[0]);
                }
                noop(open);
            }
            throw new MessagingException("no message with Message-ID " + messageId + " (not in the view after "
                    + VIEW_REFRESHES + " NOOPs)");
        });
    }

    /** NOOP in the selected folder: the server reports what changed in it (EXISTS, EXPUNGE, FETCH FLAGS). */
    public void noop(String folder) throws IOException {
        IMAPFolder open = selected(folder);
        imap("NOOP", folder, () -> noop(open));
    }

    /** {@code UID FETCH 1:* (UID FLAGS BODY.PEEK[])}: every message of the folder, in UID order. */
    public List<FetchedMessage> fetchAll(String folder) throws IOException {
        IMAPFolder open = selected(folder);
        return imap("FETCH", folder, () -> {
            @SuppressWarnings("unchecked")
            List<FetchedMessage> result = (List<FetchedMessage>) open.doCommand(protocol -> {
                Response[] responses = protocol.command("UID FETCH 1:* (UID FLAGS BODY.PEEK[])", null);
                List<FetchedMessage> messages = new ArrayList<>();
                for (Response response : responses) {
                    if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
                        BODY body = fetch.getItem(BODY.class);
                        // NIL body: expunged by another session but still in this session's view
                        byte[] bytes = body == null || body.getByteArray() == null
                                ? new byte[0]
                                : body.getByteArray().getNewBytes();
                        messages.add(new FetchedMessage(
                                fetch.getItem(UID.class).uid, ImapFlags.toNames(fetch.getItem(FLAGS.class)), bytes));
                    }
                }
                protocol.notifyResponseHandlers(
                        responses); // keeps Angus's view of the folder (EXISTS, EXPUNGE) current
                protocol.handleResult(responses[responses.length - 1]);
                return messages;
            });
            return result;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            closeSelected();
        } finally {
            imap("LOGOUT", "-", () -> {
                store.close();
                return null;
            });
        }
    }

    private IMAPFolder selected(String folder) throws IOException {
        if (selected != null && selected.isOpen() && selected.getFullName().equals(folder)) {
            return selected;
        }
        closeSelected();
        selected = imap("SELECT", folder, () -> {
            IMAPFolder open = (IMAPFolder) store.getFolder(folder);
            open.open(Folder.READ_WRITE);
            return open;
        });
        return selected;
    }

    /** Sends NOOP now (Angus's own keep-alive skips it within a second of the last command) and handles the replies. */
    private static Void noop(IMAPFolder open) throws MessagingException {
        open.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        return null;
    }

    private void closeSelected() throws IOException {
        IMAPFolder previous = selected;
        selected = null;
        if (previous != null && previous.isOpen()) {
            imap("CLOSE", previous.getFullName(), () -> {
                previous.close(false); // false: leave \Deleted messages alone, as UNSELECT does
                return null;
            });
        }
    }

    /**
     * The message with this UID in the session's view. A message just added by this or another session may not be
     * in the view yet: Dovecot brings a session's view up to date at the end of each command, and skips parts of
     * that when another process holds the folder's uidlist lock. So, like a real client, NOOP and look again.
     */
    private Message message(IMAPFolder open, long uid) throws MessagingException {
        Message message = open.getMessageByUID(uid);
        for (int attempt = 1; message == null && attempt < VIEW_REFRESHES; attempt++) {
            noop(open);
            message = open.getMessageByUID(uid);
        }
        if (message == null) {
            throw new MessagingException(
                    "no message with UID " + uid + " (not in the view after " + VIEW_REFRESHES + " NOOPs)");
        }
        return message;
    }

    private long targetUid(String command, String folder, long uid, AppendUID[] result) throws IOException {
        if (result == null || result.length != 1 || result[0] == null) {
            throw new IOException(
                    "IMAP " + command + " of UID " + uid + " in " + user + "/" + folder + " returned no COPYUID");
        }
        return result[0].uid;
    }

    private interface ImapAction<T> {
        T run() throws MessagingException;
    }

    private <T> T imap(String command, String folder, ImapAction<T> action) throws IOException {
        try {
            return action.run();
        } catch (MessagingException e) {
            throw new IOException("IMAP " + command + " on " + user + "/" + folder + " failed: " + e.getMessage(), e);
        }
    }
}
