package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.Batch;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.NonSaturatingLoss;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingDivergedException;
import io.textgan.models.dcgan.DcganGenerator;
import io.textgan.models.dcgan.GanClsDiscriminator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditioning augmentation in a generator: sampled in training, the mean in inference, its KL term reported and
 * trained down by {@link GanTrainer}, and kept by save and load.
 */
class ConditioningAugmentationTrainingTest {
    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 6, 2, 2, 2, 4, 8, "mean", 6)
            .withConditioningAugmentation(true);
    /** Plain GAN-CLS: no matching term (there is no pre-trained image encoder here) and no mode seeking. */
    private static final TrainingConfig PLAIN = TrainingConfig.builder().matchingWeight(0).pretrainedFeatures(false).modeSeekingWeight(0).build();
    private static final List<String> CAPTIONS = List.of("a red circle", "a blue square", "a green diamond", "a pink triangle");
    private static final List<String> OTHERS = List.of("a blue square", "a green diamond", "a pink triangle", "a red circle");
    private static final Batch BATCH = new Batch(Init.normal(new Random(1), 0.5, 4, 3, 8, 8), CAPTIONS, OTHERS);

    @TempDir
    Path tmp;

    private static TextToImageModel model(ModelConfig config) {
        Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 1);
        return TextToImageModel.create(config.withVocabularySize(vocabulary.size()), vocabulary, new Random(3));
    }

    private static GanTrainer trainer(TextToImageModel model, TrainingConfig training) {
        return new GanTrainer(model, new GanClsDiscriminator(model.config(), new Random(4), true), new NonSaturatingLoss(),
                training, List.of(), GradientHealth.guardOnly());
    }

    /** The generator with the weights that read z zeroed: only the sampled condition can make two noise rows differ. */
    private static Generator blindToNoise(ModelConfig config, Random rng) {
        Generator g = NetworkGradientTest.withLargeWeights(new DcganGenerator(config, rng), rng);
        Parameter fc = g.parameters().stream().filter(p -> p.name().equals("g.fc.weight")).findFirst().orElseThrow();
        fc.value().get(NDArrayIndex.interval(0, config.noiseSize()), NDArrayIndex.all()).assign(0);
        return g;
    }

    private static boolean rowsEqual(INDArray images) {
        return images.get(NDArrayIndex.point(0)).equalsWithEps(images.get(NDArrayIndex.point(1)), 1e-6);
    }

    @Test
    void inferenceUsesTheMeanAndTrainingSamplesAroundIt() {
        Random rng = new Random(2);
        Generator g = blindToNoise(NetworkGradientTest.TINY.withConditioningAugmentation(true), rng);
        INDArray noise = Init.normal(rng, 1, 2, 4);
        INDArray text = Init.normal(rng, 1, 1, 5).repeat(0, 2);
        INDArray inferred = g.generate(noise, text, false);
        assertTrue(rowsEqual(inferred), "in inference the condition is the mean: the noise rows cannot matter");
        assertEquals(0.0, g.regularizationLoss());
        assertEquals(inferred, g.generate(noise, text, false), "inference is deterministic");
        INDArray trained = g.generate(noise, text, true);
        assertFalse(rowsEqual(trained), "in training each row samples its own condition");
        assertTrue(g.regularizationLoss() > 0);

        Generator plain = blindToNoise(NetworkGradientTest.TINY, new Random(2));
        assertTrue(rowsEqual(plain.generate(noise, text, true)), "without augmentation the rows agree in training too");
    }

    @Test
    void trainingSamplesAreAFunctionOfTheNoiseSoARebuiltGeneratorRepeatsThem() {
        ModelConfig config = NetworkGradientTest.TINY.withConditioningAugmentation(true);
        Generator g = NetworkGradientTest.withLargeWeights(new DcganGenerator(config, new Random(5)), new Random(6));
        Generator rebuilt = new DcganGenerator(config, new Random(0));
        for (int i = 0; i < g.parameters().size(); i++) {
            rebuilt.parameters().get(i).value().assign(g.parameters().get(i).value());
        }
        INDArray noise = Init.normal(new Random(7), 1, 3, 4);
        INDArray text = Init.normal(new Random(8), 1, 3, 5);
        INDArray images = g.generate(noise, text, true);
        assertEquals(images, g.generate(noise, text, true));
        assertEquals(images, rebuilt.generate(noise, text, true), "as after loading a checkpoint");
        assertEquals(g.regularizationLoss(), rebuilt.regularizationLoss(), 0.0);
    }

    @Test
    void theKlTermIsReportedInTheGeneratorLossAndFallsDuringTraining() {
        TextToImageModel model = model(MODEL);
        GanTrainer trainer = trainer(model, PLAIN);
        List<Double> kl = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            double[] losses = trainer.step(BATCH);
            kl.add(model.generator().regularizationLoss());
            assertTrue(losses[1] > kl.get(step), "the generator's loss includes the KL term");
        }
        assertTrue(kl.get(0) > 0, kl.toString());
        assertTrue(kl.get(kl.size() - 1) < 0.6 * kl.get(0), kl.toString());
    }

    /** The same generator with a fixed regularisation term, to see what the trainer does with it. */
    private static TextToImageModel withRegularization(TextToImageModel model, double term) {
        Generator g = model.generator();
        Generator regularized = new Generator() {
            public INDArray generate(INDArray noise, INDArray text, boolean training) {
                return g.generate(noise, text, training);
            }

            public void backward(INDArray gradImages) {
                g.backward(gradImages);
            }

            public double regularizationLoss() {
                return term;
            }

            public int noiseSize() {
                return g.noiseSize();
            }

            public List<Parameter> parameters() {
                return g.parameters();
            }

            public List<String> summary() {
                return g.summary();
            }

            public long multiplyAdds() {
                return g.multiplyAdds();
            }
        };
        return new TextToImageModel(model.config(), model.vocabulary(), model.textEncoder(), regularized);
    }

    @Test
    void theTrainerAddsTheRegularizationToTheGeneratorLossAndStopsOnANonFiniteOne() {
        ModelConfig plain = MODEL.withConditioningAugmentation(false);
        double[] without = trainer(model(plain), PLAIN).step(BATCH);
        double[] with = trainer(withRegularization(model(plain), 2.5), PLAIN).step(BATCH);
        assertEquals(without[0], with[0], 0.0);
        assertEquals(without[1] + 2.5, with[1], 1e-12);
        GanTrainer diverging = trainer(withRegularization(model(plain), Double.NaN), PLAIN);
        var e = assertThrows(TrainingDivergedException.class, () -> diverging.step(BATCH));
        assertEquals("gan step 1: the generator loss is NaN", e.getMessage());
    }

    @Test
    void aSavedAndLoadedModelWithAugmentationGeneratesTheSameImages() throws Exception {
        TextToImageModel model = model(MODEL);
        GanTrainer trainer = trainer(model, PLAIN);
        for (int step = 0; step < 3; step++) {
            trainer.step(BATCH);
        }
        model.save(tmp);
        TextToImageModel loaded = TextToImageModel.load(tmp);
        assertTrue(loaded.config().conditioningAugmentation());
        assertTrue(loaded.generator().parameters().stream().anyMatch(p -> p.name().equals("g.ca.weight")));
        INDArray noise = model.noise(4, new Random(9));
        assertEquals(model.generate(CAPTIONS, noise), loaded.generate(CAPTIONS, noise));
    }
}
