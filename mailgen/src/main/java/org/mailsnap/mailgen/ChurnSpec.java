package org.mailsnap.mailgen;

import java.time.Instant;
import java.util.Optional;

/**
 * What one simulated hour of mail activity does, as shares of the messages in the store when the hour starts.
 * Defaults (issue 6 and targets.md): 1% flag changes, 0.2% keyword changes, 0.3% moves, 0.05% copies, 0.5%
 * deliveries, 0.1% expunges, and every message waiting in {@code new/} picked up into {@code cur/}.
 * <pre>{@code
 * ChurnSpec hour = ChurnSpec.defaults().withSeed(7);
 * ChurnSpec renames = ChurnSpec.defaults().withSeed(7).renamesOnly();
 * }</pre>
 */
public final class ChurnSpec {
    private final long seed;
    private final double flagChangeShare;
    private final double keywordChangeShare;
    private final double moveShare;
    private final double copyShare;
    private final double deliveryShare;
    private final double expungeShare;
    private final double pickupShare;
    private final Instant start;
    private final ContentMix mix;

    private ChurnSpec(Builder b) {
        seed = b.seed;
        flagChangeShare = share("flagChangeShare", b.flagChangeShare);
        keywordChangeShare = share("keywordChangeShare", b.keywordChangeShare);
        moveShare = share("moveShare", b.moveShare);
        copyShare = share("copyShare", b.copyShare);
        deliveryShare = share("deliveryShare", b.deliveryShare);
        expungeShare = share("expungeShare", b.expungeShare);
        pickupShare = share("pickupShare", b.pickupShare);
        double touched = flagChangeShare + keywordChangeShare + moveShare + copyShare + expungeShare;
        if (touched > 1) {
            throw new IllegalArgumentException(
                    "flag, keyword, move, copy and expunge shares add up to more than 1: " + touched);
        }
        start = b.start;
        mix = b.mix;
    }

    public static ChurnSpec defaults() {
        return builder().build();
    }

    /** The defaults' values; adjust and {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.flagChangeShare = flagChangeShare;
        b.keywordChangeShare = keywordChangeShare;
        b.moveShare = moveShare;
        b.copyShare = copyShare;
        b.deliveryShare = deliveryShare;
        b.expungeShare = expungeShare;
        b.pickupShare = pickupShare;
        b.start = start;
        b.mix = mix;
        return b;
    }

    public ChurnSpec withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /**
     * targets.md's "rename-only hour": flag and keyword changes, moves and new→cur pickups stay; no deliveries,
     * expunges or copies, so no message content appears or disappears.
     */
    public ChurnSpec renamesOnly() {
        return toBuilder().deliveryShare(0).expungeShare(0).copyShare(0).build();
    }

    public long seed() {
        return seed;
    }

    public double flagChangeShare() {
        return flagChangeShare;
    }

    public double keywordChangeShare() {
        return keywordChangeShare;
    }

    public double moveShare() {
        return moveShare;
    }

    public double copyShare() {
        return copyShare;
    }

    public double deliveryShare() {
        return deliveryShare;
    }

    public double expungeShare() {
        return expungeShare;
    }

    /** Share of the messages in {@code new/} that a client picks up into {@code cur/} (1 = all). */
    public double pickupShare() {
        return pickupShare;
    }

    /**
     * When the hour starts; empty means one second after the newest message in the store (by the time in its
     * name), which keeps a sequence of hours deterministic without a clock.
     */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** What delivered messages are made of: the typical mix, or a store spec's ({@link Builder#contentOf}). */
    ContentMix mix() {
        return mix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnSpec other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "ChurnSpec[seed=" + seed + ", flags=" + flagChangeShare + ", keywords=" + keywordChangeShare
                + ", moves=" + moveShare + ", copies=" + copyShare + ", deliveries=" + deliveryShare + ", expunges="
                + expungeShare + ", pickups=" + pickupShare + ", start=" + (start == null ? "after newest" : start)
                + (mix.equals(ContentMix.TYPICAL) ? "" : ", content=" + mix) + "]";
    }

    private static double share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
        return value;
    }

    /** Collects the settings of a {@link ChurnSpec}; {@link #build()} checks them. */
    public static final class Builder {
        private long seed = 1;
        private double flagChangeShare = 0.01;
        private double keywordChangeShare = 0.002;
        private double moveShare = 0.003;
        private double copyShare = 0.0005;
        private double deliveryShare = 0.005;
        private double expungeShare = 0.001;
        private double pickupShare = 1.0;
        private Instant start;
        private ContentMix mix = ContentMix.TYPICAL;

        private Builder() {}

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder flagChangeShare(double value) {
            flagChangeShare = value;
            return this;
        }

        public Builder keywordChangeShare(double value) {
            keywordChangeShare = value;
            return this;
        }

        public Builder moveShare(double value) {
            moveShare = value;
            return this;
        }

        public Builder copyShare(double value) {
            copyShare = value;
            return this;
        }

        public Builder deliveryShare(double value) {
            deliveryShare = value;
            return this;
        }

        public Builder expungeShare(double value) {
            expungeShare = value;
            return this;
        }

        public Builder pickupShare(double value) {
            pickupShare = value;
            return this;
        }

        /** The hour's start; null (the default) means one second after the newest message. */
        public Builder start(Instant value) {
            start = value;
            return this;
        }

        /**
         * Delivered messages are made like {@code store}'s (attachment share and sizes, text sizes) instead of the
         * typical mix, so an hour's new mail resembles the store it lands in.
         */
        public Builder contentOf(StoreSpec store) {
            mix = store.mix();
            return this;
        }

        public ChurnSpec build() {
            return new ChurnSpec(this);
        }
    }
}
