package io.textgan.spark;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that fails mid-step (its first attempt, as on a lost executor) is run again by Spark: the step is recomputed
 * from the same weights, shard and seed, the driver writes nothing twice, and the run's losses are those of a run
 * without the failure.
 */
class SparkRunRecoveryTest {
    @TempDir
    Path tmp;

    private Path train(String name, String master, FaultInjection fault) throws IOException {
        ShapesSource data = ShapesSource.training(48, 16, 7);
        ModelConfig model = new ModelConfig("dcgan", "gan-cls-projection", "lstm", 16, 8, 16, 4, 4, 2, 16, 16, "mean", 12);
        TrainingConfig config = TrainingConfig.builder().batchSize(16).maxSteps(4).epochs(2).seed(3).encoderSteps(0).pretrainedFeatures(false)
                .matchingWeight(0).checkpointEvery(2).build();
        Path run = tmp.resolve(name);
        DataRequest request = new DataRequest("shapes", DataOptions.defaults(), 16, data.size(), 7, tmp.resolve("cache"));
        try (SparkCluster cluster = SparkCluster.start(master, 8, request, fault)) {
            new TrainingRun(data, null, model, config, DataOptions.defaults(), run, List.of("a red circle"), List.of(), cluster).run();
        }
        return run;
    }

    private static List<String> losses(Path run) throws IOException {
        // step, epoch, d_loss, g_loss: the timing columns differ from run to run
        return Files.readAllLines(run.resolve("losses.csv")).stream()
                .map(line -> String.join(",", List.of(line.split(",")).subList(0, 4))).toList();
    }

    private static List<String> checkpoints(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTaskThatFailsMidStepIsRecomputedAndTheLossesAreThoseOfAnUninterruptedRun() throws IOException {
        Path clean = train("clean", "local[2]", FaultInjection.NONE);
        int before = FaultInjection.INJECTED.get();
        Path failed = train("failed", "local[2,2]", new FaultInjection(2, 1));
        assertEquals(before + 1, FaultInjection.INJECTED.get(), "one task attempt failed");
        List<String> expected = losses(clean);
        assertEquals(5, expected.size(), "a header and one line per step: " + expected);
        assertEquals(expected, losses(failed));
        assertEquals(checkpoints(clean), checkpoints(failed));
        assertTrue(checkpoints(failed).contains("epoch-0001-step-00000004"), checkpoints(failed).toString());
    }
}
