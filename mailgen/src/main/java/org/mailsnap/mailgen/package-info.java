/**
 * Realistic, reproducible Dovecot Maildir++ stores for tests and benchmarks, and hours of simulated mail activity
 * on them. No dependency but the JDK, and none on the engine on purpose: its own Dovecot rules
 * ({@code UidlistWriter}, {@code MaildirName}, {@code Keywords}) write the stores that test the engine's readers of
 * the same files, so a mistake in one is caught by the other instead of shared.
 *
 * <h2>The types a user needs</h2>
 * <ul>
 *   <li>{@link org.mailsnap.mailgen.StoreGenerator} writes the store a {@link org.mailsnap.mailgen.StoreSpec}
 *       describes (presets {@code tiny()}, {@code small()}, {@code large()}) and returns a
 *       {@link org.mailsnap.mailgen.GeneratedStore} summary.</li>
 *   <li>{@link org.mailsnap.mailgen.ChurnSimulator} performs one hour of activity described by a
 *       {@link org.mailsnap.mailgen.ChurnSpec} and returns a {@link org.mailsnap.mailgen.ChurnReport}.</li>
 *   <li>{@link org.mailsnap.mailgen.StoreTree} captures a tree (names, sizes, SHA-256, mtimes) to prove that a
 *       restore reproduces a moment exactly, with readable differences when it does not.</li>
 *   <li>{@link org.mailsnap.mailgen.ManualClock}: the clock of a simulated hour (or of a test that steps time), set
 *       or advanced by hand, for the engine's {@code Clock} parameters.</li>
 *   <li>{@link org.mailsnap.mailgen.MailgenMain}: {@code generate} and {@code churn} from the command line.</li>
 * </ul>
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li><b>store</b>: a directory of mailboxes {@code <store>/<domain>/<user>}; <b>mailbox</b>: a Maildir++ root,
 *       itself the INBOX ({@code cur/ new/ tmp/}), with folders {@code .Sent}, {@code .Drafts}, {@code .Trash},
 *       {@code .Archive}, {@code .Lists.<list>} and the user's own ({@code .Projects.Alpha}, one in modified
 *       UTF-7); each folder holds {@code maildirfolder}, {@code dovecot-uidlist} (v3) and, where keywords are
 *       used, {@code dovecot-keywords}; the root holds {@code subscriptions} (v2).</li>
 *   <li><b>base</b>: a message file name up to its first {@code :}, here always
 *       {@code <sec>.M<usec>P<pid>.<host>,S=<size>,W=<CRLF size>}; the flags follow {@code :2,}.</li>
 *   <li><b>list post</b> and <b>shared attachment</b>: content that reaches several mailboxes. A post's body, and
 *       a forwarded attachment's MIME part, are byte-identical in every copy; delivery headers differ.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * Every random choice comes from a {@code Prng} (xoshiro256**) derived from the seed and a path of labels
 * (mailbox number, list and post number, …), never from the order of work. So mailboxes are generated in parallel
 * and the same spec still gives a byte-identical tree, file names, message bytes and every mtime (directories
 * included). Churn derives its choices from its seed and a sorted listing of the store, and stamps deliveries
 * in the hour after the newest message instead of reading a clock; only the files it rewrites
 * ({@code dovecot-uidlist}, {@code dovecot-keywords}) and the directories it changes get wall-clock mtimes, as
 * they would under Dovecot.
 *
 * <h2>Size and speed</h2>
 * Message bodies are a few KB of text from a fixed vocabulary; about 12% of personal messages carry a base64
 * attachment with Pareto-distributed size (20 KiB to 8 MiB by default). The base64 text of random bytes is
 * produced directly from random bits (see {@code Base64Noise}); each mailbox writer reuses one buffer. On a
 * contended disk, creating the files, not producing their bytes, is what takes the time.
 */
package org.mailsnap.mailgen;
