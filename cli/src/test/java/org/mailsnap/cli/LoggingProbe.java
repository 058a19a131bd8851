package org.mailsnap.cli;

/**
 * A process for {@link LibraryLoggingTest}: runs one mailsnap command, then logs a warning the way the AWS SDK
 * does (through SLF4J), so the test sees on this process's stderr what an S3 run would show.
 */
public final class LoggingProbe {
    private LoggingProbe() {}

    public static void main(String[] args) {
        int code = Main.run(args);
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.probe").warn("probe warning from a library");
        System.exit(code);
    }
}
