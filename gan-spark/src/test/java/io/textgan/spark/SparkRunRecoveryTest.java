package io.textgan.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A task that fails mid-step (its first attempt, as on a lost executor) is run again by Spark: the step is recomputed
 * from the same weights, shard and seed, the driver writes nothing twice, and the run's losses are those of a run
 * without the failure.
 */
class SparkRunRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void aTaskThatFailsMidStepIsRecomputedAndTheLossesAreThoseOfAnUninterruptedRun() throws IOException {
        Path clean = RecoveryRuns.train(tmp, "clean", "local[2]", FaultInjection.NONE);
        int before = FaultInjection.INJECTED.get();
        Path failed = RecoveryRuns.train(tmp, "failed", "local[2,2]", new FaultInjection(2, 1));
        assertEquals(before + 1, FaultInjection.INJECTED.get(), "one task attempt failed");
        RecoveryRuns.assertSameAsUninterrupted(clean, failed);
    }
}
