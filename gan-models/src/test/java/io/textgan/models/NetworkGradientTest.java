package io.textgan.models;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.Network;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.models.dcgan.DcganGenerator;
import io.textgan.models.dcgan.GanClsDiscriminator;
import io.textgan.models.residual.ResidualDiscriminator;
import io.textgan.models.residual.ResidualGenerator;
import io.textgan.models.text.ConvImageEncoder;
import io.textgan.models.text.RecurrentTextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes and numerical gradient checks of the concrete networks on tiny configurations. */
class NetworkGradientTest {
    static final ModelConfig TINY = new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 3, 2, 2, 12, 4, 5, "mean", 6);
    private final Random rng = new Random(11);

    /**
     * DCGAN's N(0, 0.02) weights make pre-activations so small that a finite-difference step crosses LeakyReLU's
     * kink and dominates batch norm's variance; checks run on O(1) weights instead.
     */
    /** The network with its weights redrawn at standard deviation 0.5, so that every layer's output is sensitive. */
    static <N extends Network> N withLargeWeights(N network, Random rng) {
        for (Parameter p : network.parameters()) {
            if (p.name().endsWith("weight")) {
                p.value().assign(Init.normal(rng, 0.5, p.value().shape()));
            }
        }
        return network;
    }

    private static List<GradientCheck.Target> parameterTargets(Network network) {
        List<GradientCheck.Target> targets = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            if (p.isTrainable()) {
                targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient()));
            }
        }
        return targets;
    }

    /**
     * After a score: backwardParameters gives backward's parameter gradients, and backwardInput its image gradient
     * without adding to any parameter gradient (so neither does work the other needs).
     *
     * @param gradEmbeddings extra gradients on the embeddings, or null
     */
    static void assertPartialBackwardsAgree(Discriminator d, INDArray gradLogits, Discriminator.Embeddings gradEmbeddings) {
        d.zeroGradients();
        INDArray gradImages = gradEmbeddings == null ? d.backward(gradLogits) : d.backward(gradLogits, gradEmbeddings);
        List<Parameter> trainable = d.parameters().stream().filter(Parameter::isTrainable).toList();
        List<INDArray> expected = trainable.stream().map(p -> p.gradient().dup()).toList();
        d.zeroGradients();
        d.backwardParameters(gradLogits, gradEmbeddings);
        for (int i = 0; i < trainable.size(); i++) {
            assertTrue(trainable.get(i).gradient().equalsWithEps(expected.get(i), 1e-5), trainable.get(i).name());
        }
        d.zeroGradients();
        INDArray alone = d.backwardInput(gradLogits, gradEmbeddings);
        assertTrue(alone.equalsWithEps(gradImages, 1e-5), "backwardInput differs from backward's image gradient");
        for (Parameter p : trainable) {
            assertTrue(p.gradient().amaxNumber().doubleValue() == 0, p.name() + " changed by backwardInput");
        }
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {false, true})
    void discriminatorGradientsWithRespectToParametersAndImages(boolean projection) {
        Discriminator d = withLargeWeights(new GanClsDiscriminator(TINY, rng, projection), rng);
        INDArray images = Init.normal(rng, 0.5, 3, 3, 8, 8);
        INDArray text = Init.normal(rng, 1, 3, 5);
        INDArray r = Init.normal(rng, 1, 3, 1);
        assertArrayEquals(new long[]{3, 1}, d.score(images, text, true).shape());
        assertPartialBackwardsAgree(d, r, null);
        if (projection) {
            Discriminator.Embeddings e = d.embeddings();
            assertPartialBackwardsAgree(d, r, new Discriminator.Embeddings(Init.normal(rng, 1, e.image().shape()), Init.normal(rng, 1, e.text().shape())));
        }
        d.zeroGradients();
        INDArray gradImages = d.backward(r);
        List<GradientCheck.Target> targets = parameterTargets(d);
        targets.add(new GradientCheck.Target("images", images, gradImages));
        var failures = GradientCheck.check(() -> d.score(images, text, true).mul(r).sumNumber().doubleValue(),
                targets, 6, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {false, true})
    void imagesScoredWithTwoTextsAtOnceAsInTwoCalls(boolean projection) {
        Discriminator d = withLargeWeights(new GanClsDiscriminator(TINY, rng, projection), rng);
        INDArray images = Init.normal(rng, 0.5, 3, 3, 8, 8);
        INDArray right = Init.normal(rng, 1, 3, 5);
        INDArray wrong = Init.normal(rng, 1, 3, 5);
        INDArray gradRight = Init.normal(rng, 1, 3, 1);
        INDArray gradWrong = Init.normal(rng, 1, 3, 1);

        d.zeroGradients();
        INDArray separate = Nd4j.concat(0, d.score(images, right, true), Nd4j.zeros(3, 1));
        INDArray gradImages = d.backward(gradRight);
        separate.get(NDArrayIndex.interval(3, 6), NDArrayIndex.all()).assign(d.score(images, wrong, true));
        gradImages.addi(d.backward(gradWrong));
        List<INDArray> separateGradients = d.parameters().stream().filter(Parameter::isTrainable).map(p -> p.gradient().dup()).toList();

        d.zeroGradients();
        INDArray together = d.score(images, Nd4j.concat(0, right, wrong), true);
        INDArray gradTogether = d.backward(Nd4j.concat(0, gradRight, gradWrong));
        List<INDArray> togetherGradients = d.parameters().stream().filter(Parameter::isTrainable).map(Parameter::gradient).toList();

        assertTrue(together.equalsWithEps(separate, 1e-4), () -> together + " vs " + separate);
        assertArrayEquals(images.shape(), gradTogether.shape());
        assertTrue(gradTogether.equalsWithEps(gradImages, 1e-4));
        for (int i = 0; i < separateGradients.size(); i++) {
            assertTrue(togetherGradients.get(i).equalsWithEps(separateGradients.get(i), 1e-4), "parameter " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> d.score(images, Init.normal(rng, 1, 4, 5), true));
    }

    @Test
    void generatorGradientsAndOutputShape() {
        Generator g = withLargeWeights(new DcganGenerator(TINY, rng), rng);
        INDArray z = Init.normal(rng, 1, 3, 4);
        INDArray text = Init.normal(rng, 1, 3, 5);
        INDArray images = g.generate(z, text, true);
        assertArrayEquals(new long[]{3, 3, 8, 8}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1.0);
        INDArray r = Init.normal(rng, 1, images.shape());
        g.zeroGradients();
        g.backward(r);
        var failures = GradientCheck.check(() -> g.generate(z, text, true).mul(r).sumNumber().doubleValue(),
                parameterTargets(g), 6, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    /**
     * Checks against central differences, skipping the entries whose step crosses one of the residual networks'
     * thousands of ReLU kinks, and making sure that most entries are compared.
     */
    private static void assertGradientsMatchAwayFromKinks(DoubleSupplier loss, List<GradientCheck.Target> targets, Random rng) {
        GradientCheck.Report report = GradientCheck.checkSkippingKinks(loss, targets, 5, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(report.mismatches().isEmpty(), report::toString);
        assertTrue(report.skipped() <= report.compared() / 4, report::toString);
    }

    /** At side 16 the residual discriminator has a first block and one with the leading ReLU. */
    @Test
    void residualDiscriminatorGradientsWithRespectToParametersAndImages() {
        ModelConfig config = new ModelConfig("residual", "residual", "lstm", 16, 4, 3, 2, 2, 12, 4, 5, "mean", 6);
        Discriminator d = withLargeWeights(ResidualDiscriminator.create(config, rng), rng);
        INDArray images = Init.normal(rng, 0.5, 2, 3, 16, 16);
        INDArray text = Init.normal(rng, 1, 2, 5);
        INDArray r = Init.normal(rng, 1, 2, 1);
        assertArrayEquals(new long[]{2, 1}, d.score(images, text, true).shape());
        assertPartialBackwardsAgree(d, r, null);
        d.zeroGradients();
        INDArray gradImages = d.backward(r);
        assertArrayEquals(images.shape(), gradImages.shape());
        List<GradientCheck.Target> targets = parameterTargets(d);
        targets.add(new GradientCheck.Target("images", images, gradImages));
        assertGradientsMatchAwayFromKinks(() -> d.score(images, text, true).mul(r).sumNumber().doubleValue(), targets, rng);
    }

    @Test
    void residualGeneratorGradientsAndOutputShape() {
        Generator g = withLargeWeights(new ResidualGenerator(TINY, rng), rng);
        INDArray z = Init.normal(rng, 1, 2, 4);
        INDArray text = Init.normal(rng, 1, 2, 5);
        INDArray images = g.generate(z, text, true);
        assertArrayEquals(new long[]{2, 3, 8, 8}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1.0);
        INDArray r = Init.normal(rng, 1, images.shape());
        g.zeroGradients();
        g.backward(r);
        assertGradientsMatchAwayFromKinks(() -> g.generate(z, text, true).mul(r).sumNumber().doubleValue(), parameterTargets(g), rng);
    }

    @Test
    void textEncoderGradientsWithPaddingBothPoolingsAndBothCells() {
        for (RecurrentTextEncoder.Cell cell : RecurrentTextEncoder.Cell.values()) {
            for (String pooling : List.of("mean", "last")) {
                checkTextEncoder(cell, pooling);
            }
        }
    }

    private void checkTextEncoder(RecurrentTextEncoder.Cell cell, String pooling) {
        {
            ModelConfig config = new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 3, 2, 2, 12, 4, 5, pooling, 6);
            TextEncoder encoder = new RecurrentTextEncoder(config, cell, rng);
            Vocabulary vocabulary = Vocabulary.build(List.of("a red circle", "a big blue square on white"), 1);
            TokenBatch tokens = vocabulary.encode(List.of("a red circle", "a big blue square on white", "red"), 6);
            INDArray vectors = encoder.encode(tokens, true);
            assertArrayEquals(new long[]{3, 5}, vectors.shape());
            INDArray r = Init.normal(rng, 1, 3, 5);
            encoder.zeroGradients();
            encoder.backward(r);
            var failures = GradientCheck.check(() -> encoder.encode(tokens, true).mul(r).sumNumber().doubleValue(),
                    parameterTargets(encoder), 8, 1e-2, 5e-2, 2e-3, rng);
            assertTrue(failures.isEmpty(), cell + " " + pooling + ": " + failures);
        }
    }

    @Test
    void paddingDoesNotChangeASentenceVector() {
        TextEncoder encoder = new RecurrentTextEncoder(TINY, RecurrentTextEncoder.Cell.GRU, rng);
        Vocabulary vocabulary = Vocabulary.build(List.of("a red circle on a big white background"), 1);
        INDArray alone = encoder.encode(vocabulary.encode(List.of("red circle"), 6), false);
        INDArray padded = encoder.encode(vocabulary.encode(List.of("red circle", "a red circle on a big white"), 6), false);
        assertTrue(alone.getRow(0).equalsWithEps(padded.getRow(0), 1e-5));
    }

    @Test
    void imageEncoderGradients() {
        ConvImageEncoder encoder = withLargeWeights(new ConvImageEncoder(TINY, rng), rng);
        INDArray images = Init.normal(rng, 0.5, 3, 3, 8, 8);
        INDArray r = Init.normal(rng, 1, 3, 5);
        assertArrayEquals(new long[]{3, 5}, encoder.encode(images, true).shape());
        encoder.zeroGradients();
        encoder.backward(r);
        var failures = GradientCheck.check(() -> encoder.encode(images, true).mul(r).sumNumber().doubleValue(),
                parameterTargets(encoder), 6, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
