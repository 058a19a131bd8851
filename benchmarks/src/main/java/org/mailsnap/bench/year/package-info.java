/**
 * A simulated year of hourly backups with retention, in one process, faster than real time: issue 13's "must show"
 * that a policy such as {@code --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12} leaves the
 * expected snapshots, each of which restores exactly, in a repository of the expected size.
 *
 * <h2>The schedule</h2>
 * Hour 0 backs up the generated store at {@link org.mailsnap.bench.year.YearSpec#start()}. Each later hour
 * {@code h}: at midnight (UTC) first the daily maintenance ({@code mailsnap forget} with the
 * {@link org.mailsnap.bench.year.Thinning} policy, with {@code --prune} on Mondays, through the CLI's own classes),
 * then one hour of {@code ChurnSimulator} activity stamped in the hour before, then the engine's backup with the
 * clock set to {@code start + h hours}, then a {@code StoreTree} capture of the store (message digests remembered,
 * so only new mail is read) reduced to its 32-byte digest, and the lives of the messages updated. The maintenance
 * due after the last hour is left to the caller: the CI test runs it in-process, the benchmark as a measured
 * process.
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li>the kept snapshots are exactly those {@link org.mailsnap.bench.year.RetentionOracle} computes from the times
 *       of every backup, a computation written apart from the engine's and in another way;</li>
 *   <li>each kept snapshot, restored into an empty directory, has the digest the store had at its hour;</li>
 *   <li>the repository's size is within the bound {@link org.mailsnap.bench.year.RepositorySize} explains;</li>
 *   <li>with {@code --keep-deleted-within}, every message expunged in that span comes back, with its content, into
 *       the folder it left: from the kept snapshot of the hour before, or else through {@code restore
 *       --deleted-since} from the deleted-mail ledger;</li>
 *   <li>and {@code find --deleted-since} with the window's start lists exactly those messages, each once (by
 *       mailbox and GUID).</li>
 * </ul>
 * Users need {@link org.mailsnap.bench.year.YearSimulation} and {@link org.mailsnap.bench.year.YearSpec}.
 */
package org.mailsnap.bench.year;
