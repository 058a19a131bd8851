/**
 * JMH micro-benchmarks of the engine's hot paths that are not cryptography: body chunking, manifest encoding (what
 * every changed folder costs an hourly run), and catalog point lookups (what every unknown base costs).
 * Run like the crypto benchmarks: {@code java -cp <benchmarks classes + shaded cli jar> org.openjdk.jmh.Main
 * 'org.mailsnap.bench.engine'}.
 */
package org.mailsnap.bench.engine;
