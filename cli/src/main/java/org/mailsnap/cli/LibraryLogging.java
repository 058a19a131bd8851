package org.mailsnap.cli;

/**
 * Where the libraries' log lines go. The AWS SDK logs through SLF4J; without a binding SLF4J printed three lines
 * of "Failed to load class org.slf4j.impl.StaticLoggerBinder" on every S3 run. The CLI ships slf4j-simple and sets
 * it off by default, so stderr carries only what mailsnap itself says; {@code --verbose} shows the libraries'
 * warnings and information, {@code MAILSNAP_DEBUG=1} their debug lines. An operator's own
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=...} (through {@code MAILSNAP_JAVA_OPTS}) wins.
 *
 * <p>SLF4J reads this once, when the first logger is made (the first S3 call), so it is set before any command
 * runs and holds for the process.
 */
final class LibraryLogging {
    static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private LibraryLogging() {}

    static void configure(boolean verbose, boolean debug) {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, debug ? "debug" : verbose ? "info" : "off");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }
}
