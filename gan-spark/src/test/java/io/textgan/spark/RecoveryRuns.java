package io.textgan.spark;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small Spark run that the recovery tests train with and without a fault, and their comparison. */
final class RecoveryRuns {
    private RecoveryRuns() {
    }

    /** 4 steps of 16 images (2 shards of 8) on tiny shapes, a checkpoint every 2 steps; the run directory. */
    static Path train(Path dir, String name, String master, FaultInjection fault) throws IOException {
        ShapesSource data = ShapesSource.training(48, 16, 7);
        ModelConfig model = new ModelConfig("dcgan", "gan-cls-projection", "lstm", 16, 8, 16, 4, 4, 2, 16, 16, "mean", 12);
        TrainingConfig config = TrainingConfig.builder().batchSize(16).maxSteps(4).epochs(2).seed(3).encoderSteps(0).pretrainedFeatures(false)
                .matchingWeight(0).checkpointEvery(2).build();
        Path run = dir.resolve(name);
        DataRequest request = new DataRequest("shapes", DataOptions.defaults(), 16, data.size(), 7, dir.resolve("cache"));
        try (SparkCluster cluster = SparkCluster.start(master, 8, request, fault)) {
            new TrainingRun(data, null, model, config, DataOptions.defaults(), run, List.of("a red circle"), List.of(), cluster).run();
        }
        return run;
    }

    /** {@code other} has the losses (to the last printed digit) and the checkpoints of the uninterrupted {@code clean}. */
    static void assertSameAsUninterrupted(Path clean, Path other) throws IOException {
        List<String> expected = losses(clean);
        assertEquals(5, expected.size(), "a header and one line per step: " + expected);
        assertEquals(expected, losses(other));
        assertEquals(checkpoints(clean), checkpoints(other));
        assertTrue(checkpoints(other).contains("epoch-0001-step-00000004"), checkpoints(other).toString());
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
}
