package org.mailsnap.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A storage wrapper for tests that breaks things on purpose, deterministically: fails the Nth put (before the
 * object is published, or after it: a crash between the write and its acknowledgement), fails reads of named objects,
 * truncates objects, flips bits, loses every write since a checkpoint (a crash before they became durable), fails
 * operations at random from a seed, and counts operations per name prefix.
 *
 * <p>Without faults armed it passes everything through unchanged. Injected failures are
 * {@link InjectedFaultException}s. Thread-safe; random failures are reproducible when operations come in the same
 * order (one thread).
 */
public final class FaultInjectingStorage implements Storage {

    /** The operations counted and subject to random failure. */
    public enum Operation {
        PUT,
        GET,
        GET_RANGE,
        SIZE,
        EXISTS,
        LIST,
        DELETE
    }

    /** When an armed put fails. */
    public enum PutFailure {
        /** Nothing is written. */
        BEFORE_PUBLISHING,
        /** The object is written whole, then the caller is told it failed. */
        AFTER_PUBLISHING
    }

    private final Storage delegate;
    private final long seed;
    private final Random random;

    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> unreadable = new HashSet<>();
    private int putsUntilFailure;
    private PutFailure putFailure;
    private double failureProbability;
    /** Since the checkpoint: each name written or deleted, with its content at the checkpoint (empty: absent). */
    private Map<String, Optional<byte[]>> sinceCheckpoint;

    private record Call(Operation operation, String name) {}

    /** Wraps {@code delegate}; {@code seed} drives random failures and random bit flips. */
    public FaultInjectingStorage(Storage delegate, long seed) {
        this.delegate = delegate;
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** The next {@code nth} put (1 = the next one) fails as {@code how}; later puts work again. */
    public void failPut(int nth, PutFailure how) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth put must be at least 1: " + nth);
        }
        synchronized (lock) {
            putsUntilFailure = nth;
            putFailure = how;
        }
    }

    /** Every get, getRange and size of {@code name} fails until {@link #healReads(String)}. */
    public void failReads(String name) {
        synchronized (lock) {
            unreadable.add(ObjectNames.check(name));
        }
    }

    public void healReads(String name) {
        synchronized (lock) {
            unreadable.remove(name);
        }
    }

    /** Each operation fails with this probability, drawn from the seed; 0 turns random failures off. */
    public void failRandomly(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability outside [0, 1]: " + probability);
        }
        synchronized (lock) {
            failureProbability = probability;
        }
    }

    /** Cuts the stored object down to its first {@code length} bytes, as a torn write on a bad disk would. */
    public void truncate(String name, int length) throws IOException {
        byte[] data = delegate.get(name);
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException(
                    "cannot truncate " + name + " of " + data.length + " bytes to " + length);
        }
        byte[] shorter = new byte[length];
        System.arraycopy(data, 0, shorter, 0, length);
        delegate.put(name, shorter);
    }

    /** Flips bit {@code bit} (0 = least significant) of byte {@code offset} of the stored object. */
    public void flipBit(String name, long offset, int bit) throws IOException {
        byte[] data = delegate.get(name);
        if (offset < 0 || offset >= data.length || bit < 0 || bit > 7) {
            throw new IllegalArgumentException(
                    "no bit " + bit + " at offset " + offset + " in " + name + " of " + data.length + " bytes");
        }
        data[(int) offset] ^= (byte) (1 << bit);
        delegate.put(name, data);
    }

    /** Flips one bit chosen from the seed and returns its position as {@code offset * 8 + bit}. */
    public long flipRandomBit(String name) throws IOException {
        long size = delegate.size(name);
        if (size == 0) {
            throw new IllegalArgumentException("no bit to flip in empty object " + name);
        }
        long position;
        synchronized (lock) {
            position = (long) (random.nextDouble() * size * 8);
        }
        flipBit(name, position / 8, (int) (position % 8));
        return position;
    }

    /** From now on, remembers what each written or deleted object was, so that a crash can take the writes back. */
    public void checkpoint() {
        synchronized (lock) {
            sinceCheckpoint = new HashMap<>();
        }
    }

    /**
     * A crash before the writes since {@link #checkpoint()} became durable: every object put since is gone (or back
     * to its content at the checkpoint), every object deleted since is back. Starts a new checkpoint.
     */
    public void loseWritesSinceCheckpoint() throws IOException {
        Map<String, Optional<byte[]>> lost;
        synchronized (lock) {
            if (sinceCheckpoint == null) {
                throw new IllegalStateException("no checkpoint to go back to");
            }
            lost = sinceCheckpoint;
            sinceCheckpoint = new HashMap<>();
        }
        for (Map.Entry<String, Optional<byte[]>> entry : lost.entrySet()) {
            if (entry.getValue().isPresent()) {
                delegate.put(entry.getKey(), entry.getValue().get());
            } else {
                delegate.delete(entry.getKey());
            }
        }
    }

    /** How many times {@code operation} was called on names (for LIST: prefixes) starting with {@code prefix}. */
    public int count(Operation operation, String prefix) {
        synchronized (lock) {
            return (int) calls.stream()
                    .filter(call -> call.operation() == operation && call.name().startsWith(prefix))
                    .count();
        }
    }

    public void resetCounts() {
        synchronized (lock) {
            calls.clear();
        }
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        ObjectNames.check(name);
        PutFailure failure;
        synchronized (lock) {
            record(Operation.PUT, name);
            failure = putFailure != null && --putsUntilFailure == 0 ? putFailure : null;
            if (failure != null) {
                putFailure = null;
            }
        }
        if (failure == PutFailure.BEFORE_PUBLISHING) {
            throw new InjectedFaultException(location() + ": injected failure before publishing " + name);
        }
        rememberBeforeChange(name);
        delegate.put(name, data);
        if (failure == PutFailure.AFTER_PUBLISHING) {
            throw new InjectedFaultException(location() + ": injected failure after publishing " + name);
        }
    }

    @Override
    public byte[] get(String name) throws IOException {
        beforeRead(Operation.GET, name);
        return delegate.get(name);
    }

    @Override
    public byte[] getRange(String name, long offset, int length) throws IOException {
        beforeRead(Operation.GET_RANGE, name);
        return delegate.getRange(name, offset, length);
    }

    @Override
    public long size(String name) throws IOException {
        beforeRead(Operation.SIZE, name);
        return delegate.size(name);
    }

    @Override
    public boolean exists(String name) throws IOException {
        before(Operation.EXISTS, name);
        return delegate.exists(name);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        before(Operation.LIST, prefix);
        return delegate.list(prefix);
    }

    @Override
    public void delete(String name) throws IOException {
        before(Operation.DELETE, name);
        rememberBeforeChange(ObjectNames.check(name));
        delegate.delete(name);
    }

    @Override
    public String location() {
        return delegate.location(); // transparent: errors from the delegate name the same place
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    private void beforeRead(Operation operation, String name) throws IOException {
        before(operation, name);
        synchronized (lock) {
            if (unreadable.contains(name)) {
                throw new InjectedFaultException(location() + ": injected read failure of " + name);
            }
        }
    }

    private void before(Operation operation, String name) throws IOException {
        synchronized (lock) {
            record(operation, name);
        }
    }

    /** Records a call and, if random failures are on, decides whether it fails. Caller holds the lock. */
    private void record(Operation operation, String name) throws InjectedFaultException {
        calls.add(new Call(operation, name));
        if (failureProbability > 0 && random.nextDouble() < failureProbability) {
            throw new InjectedFaultException(
                    location() + ": injected random failure of " + operation + " " + name + " (seed " + seed + ")");
        }
    }

    private void rememberBeforeChange(String name) throws IOException {
        synchronized (lock) {
            if (sinceCheckpoint == null || sinceCheckpoint.containsKey(name)) {
                return;
            }
            // Read under the lock: no other write of this name can slip in before its old content is saved.
            Optional<byte[]> before = delegate.exists(name) ? Optional.of(delegate.get(name)) : Optional.empty();
            sinceCheckpoint.put(name, before);
        }
    }
}
