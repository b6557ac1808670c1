package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.metrics.DataEvaluation;
import io.textgan.core.metrics.EvaluationEncoders;
import io.textgan.core.metrics.RPrecision;
import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation's own encoders, trained tiny on 16x16 shapes, and the figures measured in their features. */
class DataEvaluationTest {
    private static final int STEPS = 30;
    @TempDir
    static Path tmp;
    static ShapesSource training;
    static ShapesSource heldOut;
    static Vocabulary vocabulary;
    static ModelConfig model;
    static EvaluationEncoders.Spec spec;
    static EvaluationEncoders encoders;

    @BeforeAll
    static void trainEncoders() throws IOException {
        training = ShapesSource.training(128, 16, 1);
        heldOut = ShapesSource.heldOut(256, 16, 2);
        vocabulary = Vocabulary.build(training, 1);
        ModelRegistry.register(ModelProvider.GeneratorProvider.class, new UniformNoise.Provider());
        // captions cut to 10 words: training steps cost about one op per word here, and the first 10 words say enough
        model = new ModelConfig(UniformNoise.NAME, "gan-cls", "lstm", 16, 8, 8, 4, 4, vocabulary.size(), 16, 32, "mean", 10);
        spec = new EvaluationEncoders.Spec("shapes", training.size(), DataOptions.defaults(), model, vocabulary, STEPS, 0);
        encoders = EvaluationEncoders.loadOrTrain(tmp.resolve("cache"), spec, training);
    }

    @Test
    void realVsRealDistancesAreFarBelowThoseOfUniformNoiseImages() {
        DataEvaluation evaluation = new DataEvaluation(heldOut, true, encoders, new DataEvaluation.Options(1000, 3));
        assertEquals(256, evaluation.images(), "capped by the held-out images that exist");
        DataEvaluation.Report noise = evaluation.evaluate(noiseModel());
        assertEquals(128, noise.fdLocal().imagesPerSide());
        double fdReal = noise.fdLocal().realVsReal();
        double kidReal = noise.kidLocal().realVsReal();
        assertTrue(noise.fdLocal().generated() > 5 * fdReal, noise.fdLocal().toString());
        assertTrue(noise.kidLocal().generated() > 10 * Math.abs(kidReal), noise.kidLocal().toString());
        assertTrue(noise.rPrecision().real() > noise.rPrecision().generated(), noise.rPrecision().toString());
        assertEquals(RPrecision.CANDIDATES, noise.rPrecision().candidates());
        String text = String.join("\n", noise.lines());
        assertTrue(text.contains("FD_local") && text.contains("KID_local") && text.contains("local (no Inception"), text);
        assertTrue(text.contains("128 generated vs 128 real images"), text);
    }

    @Test
    void rPrecisionOfRealImagesBeatsThatOfShuffledCaptions() {
        List<BufferedImage> images = new ArrayList<>();
        Map<String, Integer> pool = new LinkedHashMap<>();
        int[] own = new int[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            images.add(heldOut.image(i));
            for (String c : heldOut.captions(i)) {
                pool.putIfAbsent(c, pool.size());
            }
            own[i] = pool.get(heldOut.captions(i).get(0));
        }
        double[][] features = encoders.imageFeatures(images);
        double[][] captions = encoders.textFeatures(new ArrayList<>(pool.keySet()));
        List<Integer> shuffled = new ArrayList<>(IntStream.of(own).boxed().toList());
        Collections.shuffle(shuffled, new Random(5));
        int[] wrong = shuffled.stream().mapToInt(Integer::intValue).toArray();
        double right = RPrecision.measure(features, own, captions, 100, 1).precision();
        double chance = RPrecision.measure(features, wrong, captions, 100, 1).precision();
        // chance is about 1 in 100 (its spread over 256 images about 0.006); 30 steps at 16x16 gave 0.078 here
        assertTrue(right > chance + 0.04, right + " vs shuffled " + chance);
    }

    @Test
    void theEncodersAreCachedAndReusedWithTheSameNumbers() throws IOException {
        EvaluationEncoders again = EvaluationEncoders.loadOrTrain(tmp.resolve("cache"), spec, training);
        assertTrue(again.loadedFromCache());
        assertEquals(encoders.file(), again.file());
        List<BufferedImage> some = IntStream.range(0, 8).mapToObj(heldOut::image).toList();
        assertArrayEquals(encoders.imageFeatures(some), again.imageFeatures(some));
        DataEvaluation.Options options = new DataEvaluation.Options(32, 4);
        DataEvaluation.Report first = new DataEvaluation(heldOut, true, encoders, options).evaluate(noiseModel());
        DataEvaluation.Report second = new DataEvaluation(heldOut, true, again, options).evaluate(noiseModel());
        assertEquals(first.fdLocal(), second.fdLocal());
        assertEquals(first.kidLocal(), second.kidLocal());
        assertEquals(first.rPrecision(), second.rPrecision());
        assertEquals(first.diversity(), second.diversity());
        assertTrue(second.features().endsWith("from the cache)"), second.features());
        EvaluationEncoders.Spec otherSeed = new EvaluationEncoders.Spec("shapes", training.size(), DataOptions.defaults(),
                model, vocabulary, 1, 1);
        EvaluationEncoders other = EvaluationEncoders.loadOrTrain(tmp.resolve("cache"), otherSeed, training);
        assertFalse(other.loadedFromCache());
        assertNotEquals(encoders.file(), other.file());
    }

    @Test
    void trainingTheEncodersIsDeterministicForASeed() throws IOException {
        EvaluationEncoders.Spec few = new EvaluationEncoders.Spec("shapes", training.size(), DataOptions.defaults(), model, vocabulary, 3, 7);
        EvaluationEncoders once = EvaluationEncoders.loadOrTrain(tmp.resolve("one-cache"), few, training);
        EvaluationEncoders twice = EvaluationEncoders.loadOrTrain(tmp.resolve("another-cache"), few, training);
        assertFalse(twice.loadedFromCache());
        assertEquals(-1, Files.mismatch(once.file(), twice.file()));
    }

    private static TextToImageModel noiseModel() {
        return new TextToImageModel(model, vocabulary,
                ModelRegistry.get(ModelProvider.TextEncoderProvider.class, "lstm").create(model, new Random(0)),
                new UniformNoise(model.imageSize(), model.noiseSize()));
    }

    /** A "generator" that ignores the text and draws each image's pixels uniformly from [-1, 1], seeded by its noise. */
    static final class UniformNoise implements Generator {
        static final String NAME = "test-uniform-noise";
        private final int side;
        private final int noiseSize;

        UniformNoise(int side, int noiseSize) {
            this.side = side;
            this.noiseSize = noiseSize;
        }

        @Override
        public INDArray generate(INDArray noise, INDArray text, boolean training) {
            int n = (int) noise.size(0);
            float[] pixels = new float[n * 3 * side * side];
            for (int i = 0; i < n; i++) {
                Random rng = new Random(Double.doubleToLongBits(noise.getDouble(i, 0)));
                for (int p = 0; p < 3 * side * side; p++) {
                    pixels[i * 3 * side * side + p] = rng.nextFloat() * 2 - 1;
                }
            }
            return Nd4j.create(pixels, new long[]{n, 3, side, side}, DataType.FLOAT);
        }

        @Override
        public void backward(INDArray gradImages) {
            throw new UnsupportedOperationException("not trainable");
        }

        @Override
        public int noiseSize() {
            return noiseSize;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public List<String> summary() {
            return List.of();
        }

        @Override
        public long multiplyAdds() {
            return 0;
        }

        static final class Provider implements ModelProvider.GeneratorProvider {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public String description() {
                return "uniform noise images (test)";
            }

            @Override
            public Generator create(ModelConfig config, Random rng) {
                return new UniformNoise(config.imageSize(), config.noiseSize());
            }
        }
    }
}
