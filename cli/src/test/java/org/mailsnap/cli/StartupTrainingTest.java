package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's archive is only as good as its workload: every command of it must still succeed. */
class StartupTrainingTest {
    @Test
    void everyCommandOfTheWorkloadSucceeds() throws Exception {
        assertEquals(List.of(), StartupTraining.run());
    }
}
