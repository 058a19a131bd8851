package org.mailsnap.dovecot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A private Dovecot (IMAP + LMTP on loopback, Maildir++ under a temporary base directory), started per test class
 * ({@link LiveDovecotTest} does it for a class that extends it).
 * Clients: {@link #imapSession}, {@link #deliver} (LMTP), {@link #doveadm}. Files: {@link #mailDir},
 * {@link #folderDir}. The JVM must run as root (the master starts as root, mail processes run as the mail user
 * {@code mailsnap-mail}); {@code .ci/install-deps.sh} installs Dovecot and creates that user.
 */
public final class DovecotServer implements AutoCloseable {

    /** The password every user name logs in with. */
    public static final String PASSWORD = "mailsnap-test-password";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOVEADM_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final int START_ATTEMPTS = 3; // another process may take a port between our probe and Dovecot's bind
    private static final int LOG_TAIL_LINES = 30;

    private final DovecotInstallation installation;
    private final DovecotConfig config;
    private final ServerLayout layout;
    private final DovecotLog log;
    private final DovecotMaster master;
    private boolean stopped;

    private DovecotServer(DovecotInstallation installation, DovecotConfig config, DovecotMaster master) {
        this.installation = installation;
        this.config = config;
        this.layout = config.layout();
        this.log = new DovecotLog(layout.logFile(), layout.doveadmLog());
        this.master = master;
    }

    /** Starts a private instance with the generated configuration. */
    public static DovecotServer start() throws IOException {
        return start("");
    }

    /** Starts a private instance; {@code extraSettings} are appended to the generated configuration verbatim. */
    public static DovecotServer start(String extraSettings) throws IOException {
        DovecotInstallation installation = DovecotInstallation.locate();
        ServerLayout layout = ServerLayout.create(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), installation.mailUser());
        for (int attempt = 1; ; attempt++) {
            int[] ports = freeLoopbackPorts(2);
            DovecotConfig config =
                    new DovecotConfig(layout, installation.mailUser(), ports[0], ports[1], PASSWORD, extraSettings);
            Files.writeString(layout.configFile(), config.render(), StandardCharsets.UTF_8);
            try {
                return new DovecotServer(
                        installation,
                        config,
                        DovecotMaster.launch(
                                installation.dovecot(),
                                layout.configFile(),
                                layout.masterOutput(),
                                config.imapPort(),
                                config.lmtpPort()));
            } catch (DovecotMaster.NotReadyException notReady) {
                String output = Files.readString(layout.masterOutput(), StandardCharsets.ISO_8859_1);
                DovecotLog log = new DovecotLog(layout.logFile());
                if (attempt < START_ATTEMPTS && (output + log.text()).contains("Address already in use")) {
                    Files.delete(layout.masterOutput()); // the next attempt's log must not carry these errors
                    Files.deleteIfExists(layout.logFile());
                    continue;
                }
                String message = "Dovecot did not start (" + notReady.getMessage() + ") with this configuration:\n"
                        + Files.readString(layout.configFile()) + "--- master output:\n" + output.strip()
                        + "\n--- log tail:\n" + log.tail(LOG_TAIL_LINES)
                        + "\n--- if Dovecot is not installed correctly, " + DovecotInstallation.INSTALL_HINT;
                layout.delete(); // everything worth seeing is in the message
                throw new IOException(message, notReady);
            }
        }
    }

    public int imapPort() {
        return config.imapPort();
    }

    public int lmtpPort() {
        return config.lmtpPort();
    }

    public Path baseDir() {
        return layout.base();
    }

    public Path configFile() {
        return layout.configFile();
    }

    public Path logFile() {
        return layout.logFile();
    }

    /** The pid of the Dovecot master (our child process), also after {@link #stop()}. */
    public long masterPid() {
        return master.pid();
    }

    public synchronized boolean isRunning() {
        return !stopped && master.isRunning();
    }

    /** The Maildir++ root of a user (its INBOX): {@code <base>/mail/<user>}. Dovecot creates it on first use. */
    public Path mailDir(String user) {
        return layout.mailDir(user);
    }

    /** The directory of one folder: the mail dir for INBOX, {@code .Name} beside INBOX's {@code cur/} otherwise. */
    public Path folderDir(String user, String folder) {
        return layout.folderDir(user, folder);
    }

    public int mailUid() {
        return installation.mailUser().uid();
    }

    public int mailGid() {
        return installation.mailUser().gid();
    }

    /** Gives a file tree written by the test (as root) to the mail user, as if Dovecot had written it. */
    public void giveToMailUser(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                installation.mailUser().takeOwnership(path);
            }
        }
    }

    /** A new IMAP connection, logged in as {@code user}. */
    public ImapSession imapSession(String user) throws IOException {
        return ImapSession.connect(LOOPBACK, imapPort(), ServerLayout.checkUser(user), PASSWORD, CLIENT_TIMEOUT);
    }

    /** Delivers a message to the user's INBOX through Dovecot's LMTP service (Dovecot writes the file). */
    public void deliver(String user, byte[] rawMessage) throws IOException {
        new LmtpClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), lmtpPort()), CLIENT_TIMEOUT)
                .deliver("mailsnap-tests@localhost", ServerLayout.checkUser(user), rawMessage);
    }

    /**
     * Runs {@code doveadm -c <conf> args...} (as root; doveadm switches to the mail user for mail commands) and
     * returns its stdout; its stderr (where doveadm reports the errors it meets, even when it exits 0) goes to the
     * log that {@link #assertLogClean()} checks. Example: {@code doveadm("fetch", "-u", "alice", "uid guid flags", "mailbox", "INBOX", "all")}.
     */
    public String doveadm(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                installation.doveadm().toString(), "-c", layout.configFile().toString()));
        command.addAll(List.of(args));
        ExternalCommand.Output output = ExternalCommand.run(DOVEADM_TIMEOUT, command);
        if (!output.stderr().isEmpty()) { // doveadm's own errors and warnings go to stderr, not to log_path
            Files.writeString(
                    layout.doveadmLog(),
                    output.stderr(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return output.stdout();
    }

    /**
     * The titles of Dovecot's running processes ({@code verbose_proctitle = yes}), e.g.
     * {@code dovecot/imap [alice 127.0.0.1 STORE]} while that IMAP command runs or waits.
     */
    public synchronized List<String> processTitles() {
        return stopped ? List.of() : master.processTitles();
    }

    /**
     * Waits until {@code user}'s IMAP process is executing {@code command} (for instance blocked on a lock), so a
     * test knows the command reached Dovecot; throws when that is not seen within the timeout.
     */
    public void awaitImapCommand(String user, String command, Duration timeout) throws IOException {
        String userAndAddress = "dovecot/imap [" + ServerLayout.checkUser(user) + " ";
        String commandEnd = " " + command.toUpperCase(Locale.ROOT) + "]";
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> titles = processTitles();
        while (titles.stream().noneMatch(t -> t.startsWith(userAndAddress) && t.endsWith(commandEnd))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no IMAP process of " + user + " ran " + command + " within " + timeout
                        + "; process titles: " + titles);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            titles = processTitles();
        }
    }

    /**
     * The log so far, then what doveadm runs wrote to stderr. Dovecot writes its log through its log process: the
     * complete log is there after {@link #stop()}.
     */
    public String logText() throws IOException {
        return log.text();
    }

    /** Lines of the log that mean trouble (errors, panics, duplicate bases fixed, uidlist warnings). */
    public List<String> logProblems() throws IOException {
        return log.problems();
    }

    /** Fails, quoting the lines, when {@link #logProblems()} finds any. */
    public void assertLogClean() throws IOException {
        List<String> problems = logProblems();
        if (!problems.isEmpty()) {
            throw new AssertionError("Dovecot logs " + log.files() + " have " + problems.size() + " problem line(s):\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * Stops Dovecot ({@code doveadm stop}, SIGTERM if that fails) and waits until the master and every process it
     * had started have exited. Idempotent; the files stay until {@link #close()}.
     */
    public synchronized void stop() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        master.stop(() -> doveadm("stop"));
    }

    /** Stops Dovecot, then deletes the base directory with the mail trees and the log. */
    @Override
    public void close() throws IOException {
        stop();
        layout.delete();
    }

    @Override
    public String toString() {
        return "Dovecot master " + masterPid() + " (IMAP " + imapPort() + ", LMTP " + lmtpPort() + ", " + layout.base()
                + ")";
    }

    private static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
