package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the private Dovecot, and the clear failures when it cannot start. */
class DovecotServerLifecycleTest {

    @Test
    void stopLeavesNoProcessNoListenerAndCloseNoFiles() throws IOException {
        DovecotServer server = DovecotServer.start();
        Path base = server.baseDir();
        List<ProcessHandle> children;
        try {
            long pid = server.masterPid();
            assertEquals(
                    pid,
                    Long.parseLong(
                            Files.readString(base.resolve("run/master.pid")).strip()),
                    "master.pid names the process we started");
            children = ProcessHandle.of(pid).orElseThrow().descendants().toList();
            assertFalse(children.isEmpty(), "a running master has its helper processes (log, config, anvil, ...)");
            assertTrue(server.isRunning());

            server.stop();

            assertFalse(server.isRunning());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "master " + pid + " gone");
            for (ProcessHandle child : children) {
                assertTrue(ProcessWatch.hasExited(child), "child " + child.pid() + " gone");
            }
            assertThrows(ConnectException.class, () -> connect(server.imapPort()), "IMAP listener closed");
            assertThrows(ConnectException.class, () -> connect(server.lmtpPort()), "LMTP listener closed");
            server.assertLogClean();
            server.stop(); // idempotent
        } finally {
            server.close();
        }
        assertFalse(Files.exists(base), "close deletes " + base);
    }

    @Test
    void usersMapToTheMailUserAndAMaildirUnderTheBaseDirectory() throws IOException {
        try (DovecotServer server = DovecotServer.start()) {
            String user = server.doveadm("user", "carol");

            assertTrue(user.contains("uid\t" + server.mailUid() + "\n"), user);
            assertTrue(user.contains("gid\t" + server.mailGid() + "\n"), user);
            assertTrue(user.contains("mail\tmaildir:" + server.mailDir("carol") + "\n"), user);
            assertTrue(server.mailDir("carol").startsWith(server.baseDir()));
            assertFalse(
                    Files.readString(server.configFile()).contains("!include"), "nothing included from /etc/dovecot");
        }
    }

    @Test
    void aConfigurationDovecotRejectsFailsTheStartWithDovecotsReason() {
        IOException failure = assertThrows(
                IOException.class,
                () -> DovecotServer.start("no_such_setting_for_the_test = 1").close());

        assertTrue(
                failure.getMessage().contains("Unknown setting: no_such_setting_for_the_test"), failure.getMessage());
        assertTrue(failure.getMessage().contains(".ci/install-deps.sh"), failure.getMessage());
    }

    @Test
    void aMachineWithoutDovecotFailsWithTheInstallHint(@TempDir Path emptyFolder) {
        IOException failure = assertThrows(
                IOException.class, () -> DovecotInstallation.locate(List.of(emptyFolder), MailUser.DEFAULT_NAME));

        assertTrue(
                failure.getMessage().startsWith("Dovecot is not installed: no executable 'dovecot'"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("run .ci/install-deps.sh"), failure.getMessage());
    }

    @Test
    void aMachineWithoutTheMailUserFailsWithTheInstallHint() {
        IOException failure = assertThrows(
                IOException.class,
                () -> DovecotInstallation.locate(
                        DovecotInstallation.searchPath(System.getenv("PATH")), "mailsnap-no-such-user"));

        assertTrue(failure.getMessage().contains("'mailsnap-no-such-user' does not exist"), failure.getMessage());
        assertTrue(failure.getMessage().contains("run .ci/install-deps.sh"), failure.getMessage());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
        }
    }
}
