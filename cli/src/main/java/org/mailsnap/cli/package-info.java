/**
 * The {@code mailsnap} command line: one picocli class per command over the engine, results on stdout, diagnostics
 * and progress on stderr, and an exit code from {@link org.mailsnap.cli.ExitCode} for scripts and monitoring.
 *
 * <p>Terms and the parts an operator meets:
 * <ul>
 *   <li><b>Environment</b> ({@code Environment}): the variables and the two streams a command may use;
 *       {@code Main.run(out, err, env, args)} runs one command in-process with its own, as the tests do.</li>
 *   <li><b>Setting</b>: any option's value. Its <b>key</b> is the option's longest name without dashes; it comes
 *       from the command line, else {@code MAILSNAP_<KEY>}, else the <b>configuration file</b> (TOML,
 *       {@code ConfigFile}: top-level keys for every command, {@code [command]} tables for one), else the built-in
 *       default. {@code ConfigDefaults} is picocli's default-value provider doing that for every option of every
 *       command, so a new command needs no code to be configurable; {@code config check}
 *       ({@code ConfigCommand}) validates the file against all commands' keys and shows each value's source.</li>
 *   <li><b>Run lock</b> ({@code RunLock}): an OS file lock on {@code mailsnap.lock} in the catalog directory, held
 *       by a command that writes the catalog for its whole run ({@code Session.openForWriting}); a second such run
 *       exits with {@code BUSY} (4). Any other command takes it only to rebuild an outdated catalog
 *       ({@code CatalogOpening}: an older format after an upgrade, or a rebuild that was stopped), then goes on.</li>
 *   <li><b>Report</b>: a command's result with its two renderings, text and JSON ({@code BackupReport},
 *       {@code SnapshotsReport}, {@code LsReport}, {@code RestoreReport}); commands choose, reports format.</li>
 *   <li><b>Metrics</b> ({@code MetricsOptions}, {@code RunMetrics}, {@code MetricsFile}): {@code --metrics-file}
 *       gauges in Prometheus' text format, written atomically after every run, success or failure.</li>
 *   <li><b>Progress</b> ({@code ProgressTicker}, {@code ProgressLines}, {@code ProgressEvents}): the engine's
 *       counters rendered once a second, as one line redrawn on a terminal or, with {@code --json-progress}, as JSON
 *       lines (a last one marked final); nothing without a terminal unless asked, nothing with {@code --quiet}.</li>
 *   <li><b>Filesystem snapshot</b> ({@code FsSnapshotOptions}): {@code backup --fs-snapshot} runs the backup on a
 *       snapshot of the store's filesystem ({@link org.mailsnap.fssnapshot}) and removes it however the run ends,
 *       from a shutdown hook on SIGINT/SIGTERM.</li>
 *   <li><b>Library logging</b> ({@code LibraryLogging}): SLF4J (the AWS SDK's) bound to slf4j-simple, off unless
 *       {@code --verbose}.</li>
 * </ul>
 *
 * <p>Failures become one line on stderr and an exit code in {@code ExceptionMapper}, the one place that maps them.
 */
package org.mailsnap.cli;
