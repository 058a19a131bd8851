/**
 * The scenario runner: mailsnap side by side with restic and borg on one generated Maildir store, as issue 6 and
 * {@code targets.md} ask. {@link org.mailsnap.bench.ScenarioRunner} is the only public type (its {@code main}; run
 * it with {@code benchmarks/run.sh PRESET [options]}).
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li><b>tool</b>: one backup program ({@code Mailsnap}, {@code Restic}, {@code Borg}), each with its own
 *       repository and cache under the <b>work dir</b>; mailsnap is driven only through its CLI contract
 *       ({@code bin/mailsnap init | backup --json --lock none | restore}).</li>
 *   <li><b>step</b>: initial backup, no-change run, run after an hour of churn, an hour of renames only, a series of
 *       hourly runs with churn, a restore of the first mailbox as of the initial backup.</li>
 *   <li><b>measurement</b>: wall-clock seconds around the whole command (JVM or interpreter start included), peak
 *       RSS from {@code /usr/bin/time -v}, repository size from {@code du -sb} after the step.</li>
 *   <li><b>target</b>: a line of targets.md, judged as mailsnap's figure over restic's (the verdict) and over
 *       borg's (the same limit, reported beside it).</li>
 * </ul>
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>Find or install the tools (Debian {@code restic}, {@code borgbackup}, {@code time}; only as root, never
 *       with {@code --no-install}); a missing one is reported absent and the run goes on.</li>
 *   <li>Generate the store with {@code mailgen}, or reuse one whose marker says it is the same spec, untouched.</li>
 *   <li>Run every step for every tool in turn on the same store state; simulate an hour of mail
 *       ({@code ChurnSimulator}) between steps, never while a tool runs.</li>
 *   <li>Verify each restore against a capture of the mailbox taken before the initial backup.</li>
 *   <li>Fold the hourly series (median time, highest RSS, mean growth), judge the targets, and write
 *       {@code README.md}, {@code raw.json} and {@code commands.txt} under
 *       {@code benchmarks/results/<yyyy-mm-dd>-<preset>/}.</li>
 * </ol>
 */
package org.mailsnap.bench;
