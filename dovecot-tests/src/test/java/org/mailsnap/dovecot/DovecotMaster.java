package org.mailsnap.dovecot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Dovecot master process of one private instance: started in the foreground ({@code dovecot -F}) as a child
 * of this JVM, so its exit is observed directly and a shutdown hook can stop it if a test run is cut short.
 *
 * <p>Start: launch, then poll until IMAP sends {@code * OK} and LMTP sends {@code 220 } (a bounded deadline; the
 * poll returns at once if the master exits). Stop: ask Dovecot to stop, wait for the master, then wait until every
 * process it had forked has exited too (they follow their master).
 */
final class DovecotMaster {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    /** How to ask the running master to stop (doveadm stop). */
    interface StopRequest {
        void send() throws IOException;
    }

    /** The master exited or did not answer in time; it has been killed. */
    static final class NotReadyException extends IOException {
        private static final long serialVersionUID = 1L;

        NotReadyException(String reason) {
            super(reason);
        }
    }

    private final Process process;
    private final Thread shutdownHook;

    private DovecotMaster(Process process) {
        this.process = process;
        this.shutdownHook = new Thread(process::destroy, "stop Dovecot " + process.pid()); // SIGTERM: clean stop
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code dovecot -F -c config}, its output appended to {@code output}, and waits until it answers. */
    static DovecotMaster launch(Path dovecot, Path configFile, Path output, int imapPort, int lmtpPort)
            throws IOException {
        Process process = new ProcessBuilder(dovecot.toString(), "-F", "-c", configFile.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        String failure = awaitReady(process, imapPort, lmtpPort);
        if (failure != null) {
            kill(process);
            throw new NotReadyException(failure);
        }
        return new DovecotMaster(process);
    }

    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Titles of the processes the master runs now, e.g. {@code dovecot/imap [alice 127.0.0.1 STORE]}. */
    List<String> processTitles() {
        return process.descendants()
                .map(ProcessWatch::title)
                .filter(title -> !title.isEmpty())
                .toList();
    }

    /** Sends the stop request (SIGTERM if it fails) and waits until the master and all its processes are gone. */
    void stop(StopRequest request) throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        IOException requestFailure = null;
        try {
            request.send();
        } catch (IOException e) {
            requestFailure = e;
            process.destroy();
        }
        if (!waitForExit(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            throw new IOException("the Dovecot master " + pid() + " did not exit within " + STOP_TIMEOUT + "; killed it"
                    + (requestFailure == null ? "" : "; the stop request failed: " + requestFailure));
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        List<ProcessHandle> survivors = ProcessWatch.awaitExit(children, STOP_TIMEOUT);
        survivors.forEach(ProcessHandle::destroyForcibly);
        if (!survivors.isEmpty()) {
            throw new IOException("Dovecot processes outlived their master " + pid() + " (killed them): "
                    + survivors.stream()
                            .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                            .toList());
        }
    }

    /** Null once IMAP and LMTP both greet; otherwise why not (the master exited, or the deadline passed). */
    private static String awaitReady(Process process, int imapPort, int lmtpPort) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        boolean imapReady = false;
        boolean lmtpReady = false;
        while (true) {
            imapReady = imapReady || greets(imapPort, "* OK");
            lmtpReady = lmtpReady || greets(lmtpPort, "220 ");
            if (imapReady && lmtpReady) {
                return null;
            }
            if (waitForExit(process, POLL_INTERVAL)) {
                return "the master exited with code " + process.exitValue();
            }
            if (System.nanoTime() > deadline) {
                return "IMAP port " + imapPort + " and LMTP port " + lmtpPort + " did not both greet within "
                        + START_TIMEOUT;
            }
        }
    }

    private static boolean greets(int port, String greetingPrefix) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] expected = greetingPrefix.getBytes(StandardCharsets.US_ASCII);
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException e) {
            return false; // not listening yet, or not answering yet
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!waitForExit(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** True if the process exited within the timeout. */
    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
