/**
 * JMH micro-benchmarks behind the repository format's choices: JDK AES-256-GCM from heap arrays vs direct buffers
 * (the JDK is 40–50× slower on heap units above ~256 KiB), JDK vs BouncyCastle GCM, HMAC-SHA-256 (blob ids), and
 * zstd levels 1/3/6 on mail-like text.
 *
 * <p>Run (short): {@code java -cp <benchmarks classpath> org.openjdk.jmh.Main 'org.mailsnap.bench.crypto' -f 1 -wi 2
 * -w 1s -i 3 -r 1s}.
 */
package org.mailsnap.bench.crypto;
