/**
 * The engine's ways of running work beside the caller's thread, each written once.
 *
 * <ul>
 *   <li>{@link org.mailsnap.concurrent.DaemonThreads}: named daemon threads for timers and helpers (lock refresh,
 *       lock touches, progress, a child process's stderr), so that a forgotten thread never keeps the JVM alive.
 *       </li>
 *   <li>{@link org.mailsnap.concurrent.BoundedWorkers}: parallel I/O with bounded memory. A fixed number of worker
 *       threads; the producer (the run's own thread) waits once {@code window} tasks are submitted and unfinished,
 *       so a fast producer never queues a whole store's work at once. The first failure of a task stops the rest:
 *       tasks not yet started are skipped, the producer's next call throws it, and closing waits for the tasks
 *       still running, so none outlives the run. Backup reads messages with it (results in submission order),
 *       restore writes them.</li>
 *   <li>{@link org.mailsnap.concurrent.Counter}: a count that worker threads add to while another thread reads it;
 *       each operation's progress (backup, check, prune, rebuild, restore) is a class of named counters.
 *       {@link org.mailsnap.concurrent.Completion} pairs two of them, items done of a known total, where a renderer
 *       derives the share done and the time left.</li>
 *   <li>{@link org.mailsnap.concurrent.KeptObjects}: costly objects kept idle for the next user, at most a fixed
 *       number; zstd's native contexts (compression) are kept this way.</li>
 *   <li>{@link org.mailsnap.concurrent.ChildProcess}: a child process (a hook, a password command, a system tool)
 *       run to its end; an interrupt destroys the child instead of leaving it running.</li>
 * </ul>
 */
package org.mailsnap.concurrent;
