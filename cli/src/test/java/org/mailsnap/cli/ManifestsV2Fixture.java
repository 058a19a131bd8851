package org.mailsnap.cli;

import java.nio.file.Path;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/**
 * The store of {@code src/test/resources/repositories/manifests-v2} and its busy hours: small messages, and hours
 * that touch a good share of them, so that a small repository still holds every kind of change. The same spec
 * gives the same store, byte for byte; {@link ManifestsV2RepositoryTest} regenerates it to compare restores with.
 *
 * <p>Run with main's jar to make the fixture (the commands are in its README):
 * {@code java -cp mailsnap.jar ManifestsV2Fixture.java generate|hour SEED STORE}.
 */
public final class ManifestsV2Fixture {
    private ManifestsV2Fixture() {}

    static StoreSpec store() {
        return StoreSpec.tiny().toBuilder()
                .seed(11)
                .mailboxes(2)
                .messagesPerMailbox(40)
                .attachmentMinBytes(2 << 10)
                .attachmentMaxBytes(16 << 10)
                .build();
    }

    /** An hour in which a fifth of the messages change flags and a tenth move, arrive or leave. */
    static ChurnSpec hour(long seed) {
        return ChurnSpec.builder()
                .seed(seed)
                .flagChangeShare(0.2)
                .keywordChangeShare(0.05)
                .moveShare(0.1)
                .copyShare(0.05)
                .deliveryShare(0.1)
                .expungeShare(0.05)
                .build();
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[args.length - 1]);
        if (args[0].equals("generate")) {
            new StoreGenerator(store(), 1).generate(store);
        } else {
            System.out.println(new ChurnSimulator(hour(Long.parseLong(args[1]))).simulateHour(store));
        }
    }
}
