package io.textgan.spark;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.LossProvider;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.data.BatchPlan;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.StepGradients;
import io.textgan.core.train.StepSource;
import io.textgan.core.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One step of Spark on local[2] with 2 shards of B/2 equals one local step on B: without batch norm (a test generator
 * and the residual discriminator, which has none) and without the terms that compare a batch's rows with each other.
 * And a step on 4 shards does not depend on the order in which the shards' tasks finish, to the last bit.
 */
class SparkStepExactnessTest {
    private static final int BATCH = 16;
    private static final double TOLERANCE = 1e-5;
    @TempDir
    static Path tmp;
    private static final ShapesSource DATA = ShapesSource.training(64, 16, 5);

    @BeforeAll
    static void register() {
        ModelRegistry.register(ModelProvider.GeneratorProvider.class, LinearTestGenerator.provider());
    }

    private static TrainingConfig config() {
        return TrainingConfig.builder().batchSize(BATCH).seed(11).encoderSteps(0).pretrainedFeatures(false).matchingWeight(0).modeSeekingWeight(0)
                .contrastiveWeight(0).oneWordNegatives(0).emaDecay(0).build();
    }

    private static GanTrainer trainer() {
        ModelConfig model = new ModelConfig(LinearTestGenerator.NAME, "residual", "lstm", 16, 8, 16, 8, 8, 2, 16, 16, "mean", 12);
        Vocabulary vocabulary = Vocabulary.build(DATA, 1, Tokenizer.WORD);
        model = model.withVocabularySize(vocabulary.size());
        Random rng = new Random(3);
        TextToImageModel textToImage = TextToImageModel.create(model, vocabulary, rng);
        Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, model.discriminator()).create(model, rng);
        TrainingConfig config = config();
        return new GanTrainer(textToImage, discriminator, ModelRegistry.get(LossProvider.class, config.loss()).create(config.realLabel()),
                config, List.of(), GradientHealth.guardOnly());
    }

    private static List<float[]> weights(GanTrainer trainer) {
        List<float[]> all = new ArrayList<>();
        for (Parameter p : trainer.model().generator().parameters()) {
            all.add(Flat.values(List.of(p)));
        }
        for (Parameter p : trainer.discriminator().parameters()) {
            all.add(Flat.values(List.of(p)));
        }
        return all;
    }

    @Test
    void oneSparkStepOnTwoShardsEqualsOneLocalStepOnTheWholeBatch() {
        GanTrainer local = trainer();
        GanTrainer distributed = trainer();
        List<float[]> before = weights(local);
        try (BatchSampler sampler = new BatchSampler(DATA, BATCH, 16, 11)) {
            BatchPlan plan = sampler.plans(1, 0).get(0);
            double[] localLosses = local.step(sampler.materialize(plan));
            DataRequest request = new DataRequest("shapes", DataOptions.defaults(), 16, DATA.size(), 5, tmp);
            double[] sparkLosses;
            try (SparkCluster cluster = SparkCluster.start("local[2]", BATCH / 2, request);
                 StepSource steps = cluster.open(sampler, distributed)) {
                assertTrue(cluster.describe(BATCH).endsWith("2 shards of 8 images per step of 16"), cluster.describe(BATCH));
                StepGradients first = steps.epoch(1, 0).iterator().next();
                sparkLosses = distributed.step(first);
            }
            assertEquals(localLosses[0], sparkLosses[0], TOLERANCE, "discriminator loss");
            assertEquals(localLosses[1], sparkLosses[1], TOLERANCE, "generator loss");
        }
        List<float[]> expected = weights(local);
        List<float[]> actual = weights(distributed);
        double largestChange = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.get(i).length; j++) {
                assertEquals(expected.get(i)[j], actual.get(i)[j], TOLERANCE, "parameter " + i + " value " + j);
                largestChange = Math.max(largestChange, Math.abs(expected.get(i)[j] - before.get(i)[j]));
            }
        }
        assertTrue(largestChange > 1e-4, "the step changed the weights: " + largestChange);
    }

    @Test
    void stepsOnFourShardsDoNotDependOnWhichShardFinishesLast() {
        // at the second step shard 0's tasks finish last in one run and shard 3's in the other
        GanTrainer firstLast = trainer();
        GanTrainer lastLast = trainer();
        double[] firstLastLosses = twoStepsOnFourShards(firstLast, 0);
        double[] lastLastLosses = twoStepsOnFourShards(lastLast, 3);
        assertArrayEquals(firstLastLosses, lastLastLosses, "d_loss and g_loss of both steps");
        List<float[]> expected = weights(firstLast);
        List<float[]> actual = weights(lastLast);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    private static double[] twoStepsOnFourShards(GanTrainer trainer, int slowShard) {
        DataRequest request = new DataRequest("shapes", DataOptions.defaults(), 16, DATA.size(), 5, tmp);
        try (BatchSampler sampler = new BatchSampler(DATA, BATCH, 16, 11);
             SparkCluster cluster = SparkCluster.start("local[4]", BATCH / 4, request, FaultInjection.delay(1, slowShard, 1000));
             StepSource steps = cluster.open(sampler, trainer)) {
            Iterator<StepGradients> epoch = steps.epoch(1, 0).iterator();
            double[] first = trainer.step(epoch.next());
            double[] second = trainer.step(epoch.next());
            return new double[]{first[0], first[1], second[0], second[1]};
        }
    }
}
