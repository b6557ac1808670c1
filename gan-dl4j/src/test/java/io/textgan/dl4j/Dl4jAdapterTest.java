package io.textgan.dl4j;

import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter's backward pass against central differences in double precision, and its accumulation and statistics. */
class Dl4jAdapterTest {
    private static final int NOISE = 3;
    private static final int TEXT = 4;

    /** noise ++ dense(text) → dense → 2×2×2 → batch norm → ReLU → transposed conv to 3×4×4 → tanh. */
    static ComputationGraphConfiguration generator(DataType type) {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(type).weightInit(new NormalDistribution(0, 0.5))
                .convolutionMode(ConvolutionMode.Truncate).graphBuilder()
                .addInputs("noise", "text")
                .addLayer("t", new DenseLayer.Builder().nIn(TEXT).nOut(3).activation(new ActivationLReLU(0.2)).build(), "text")
                .addVertex("cat", new MergeVertex(), "noise", "t")
                .addLayer("fc", new DenseLayer.Builder().nIn(NOISE + 3).nOut(8).hasBias(false).activation(Activation.IDENTITY).build(), "cat")
                .addLayer("bn", new BatchNormalization.Builder().nIn(2).nOut(2).useLogStd(false).build(),
                        new FeedForwardToCnnPreProcessor(2, 2, 2), "fc")
                .addLayer("relu", new ActivationLayer(Activation.RELU), "bn")
                .addLayer("up", new Deconvolution2D.Builder().nIn(2).nOut(3).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(Activation.TANH).build(), "relu")
                .setOutputs("up").build();
    }

    /** conv(image) → LeakyReLU → dense, ++ text → dense → logit. */
    static ComputationGraphConfiguration discriminator(DataType type) {
        return new NeuralNetConfiguration.Builder().seed(4).dataType(type).weightInit(new NormalDistribution(0, 0.5))
                .convolutionMode(ConvolutionMode.Truncate).graphBuilder()
                .addInputs("image", "text")
                .addLayer("conv", new ConvolutionLayer.Builder().nIn(3).nOut(2).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(new ActivationLReLU(0.2)).build(), "image")
                .addLayer("flat", new DenseLayer.Builder().nIn(8).nOut(5).activation(Activation.TANH).build(),
                        new CnnToFeedForwardPreProcessor(2, 2, 2), "conv")
                .addVertex("cat", new MergeVertex(), "flat", "text")
                .addLayer("logit", new DenseLayer.Builder().nIn(5 + TEXT).nOut(1).activation(Activation.IDENTITY).build(), "cat")
                .setOutputs("logit").build();
    }

    private static INDArray normal(Random rng, long... shape) {
        return Init.normal(rng, 1, shape).castTo(DataType.DOUBLE);
    }

    @Test
    void generatorGradientsMatchCentralDifferencesInDoublePrecision() {
        Dl4jGenerator g = new Dl4jGenerator(generator(DataType.DOUBLE), NOISE, TEXT);
        Random rng = new Random(1);
        INDArray noise = normal(rng, 5, NOISE);
        INDArray text = normal(rng, 5, TEXT);
        INDArray weights = normal(rng, 5, 3, 4, 4);
        g.zeroGradients();
        g.generate(noise, text, true);
        g.backward(weights.dup());
        INDArray params = g.graph().params();
        INDArray analytic = g.graph().getGradientsViewArray().dup();
        List<GradientCheck.Mismatch> failures = GradientCheck.check(
                () -> g.generate(noise, text, true).mul(weights).sumNumber().doubleValue(),
                List.of(new GradientCheck.Target("params", params.reshape(params.length()), analytic)),
                1000, 1e-6, 1e-5, 1e-9, new Random(2));
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(analytic.norm2Number().doubleValue() > 1e-3, "gradients flowed");
    }

    @Test
    void discriminatorParameterAndImageGradientsMatchCentralDifferences() {
        Dl4jDiscriminator d = new Dl4jDiscriminator(discriminator(DataType.DOUBLE), 4, TEXT);
        Random rng = new Random(5);
        INDArray images = normal(rng, 3, 3, 4, 4);
        INDArray text = normal(rng, 3, TEXT);
        INDArray weights = normal(rng, 3, 1);
        d.zeroGradients();
        d.score(images, text, true);
        INDArray gradImages = d.backward(weights.dup());
        assertEquals(List.of(3L, 3L, 4L, 4L), List.of(gradImages.shape()[0], gradImages.shape()[1], gradImages.shape()[2], gradImages.shape()[3]));
        INDArray params = d.graph().params();
        INDArray analytic = d.graph().getGradientsViewArray().dup();
        List<GradientCheck.Mismatch> failures = GradientCheck.check(
                () -> d.score(images, text, true).mul(weights).sumNumber().doubleValue(),
                List.of(new GradientCheck.Target("params", params.reshape(params.length()), analytic),
                        new GradientCheck.Target("images", images, gradImages)),
                1000, 1e-6, 1e-5, 1e-9, new Random(6));
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void imagesScoredWithTwoTextsAtOnceAsInTwoCalls() {
        Dl4jDiscriminator d = new Dl4jDiscriminator(discriminator(DataType.DOUBLE), 4, TEXT);
        Random rng = new Random(7);
        INDArray images = normal(rng, 3, 3, 4, 4);
        INDArray right = normal(rng, 3, TEXT);
        INDArray wrong = normal(rng, 3, TEXT);
        INDArray gradRight = normal(rng, 3, 1);
        INDArray gradWrong = normal(rng, 3, 1);
        d.zeroGradients();
        INDArray first = d.score(images, right, true).dup();
        INDArray gradImages = d.backward(gradRight.dup()).dup();
        INDArray second = d.score(images, wrong, true).dup();
        gradImages.addi(d.backward(gradWrong.dup()));
        INDArray separateGradients = d.graph().getGradientsViewArray().dup();

        d.zeroGradients();
        INDArray together = d.score(images, Nd4j.concat(0, right, wrong), true);
        INDArray gradTogether = d.backward(Nd4j.concat(0, gradRight, gradWrong));
        assertTrue(together.equalsWithEps(Nd4j.concat(0, first, second), 1e-9));
        assertTrue(gradTogether.equalsWithEps(gradImages, 1e-9));
        assertTrue(d.graph().getGradientsViewArray().equalsWithEps(separateGradients, 1e-9));
    }

    @Test
    void parametersAreViewsNamedAfterDl4jAndGradientsAccumulateUntilZeroed() {
        Dl4jGenerator g = new Dl4jGenerator(generator(DataType.FLOAT), NOISE, TEXT);
        assertEquals(List.of("t_W", "t_b", "fc_W", "bn_gamma", "bn_beta", "bn_mean", "bn_var", "up_b", "up_W"),
                g.parameters().stream().map(Parameter::name).toList());
        assertFalse(g.parameters().get(5).isTrainable(), "running mean is a buffer");
        Parameter fcWeight = g.parameters().get(2);
        fcWeight.value().putScalar(0, 0, 0.75);
        assertEquals(0.75, g.graph().getParam("fc_W").getDouble(0, 0), 1e-7, "a view of DL4J's parameters");

        Random rng = new Random(2);
        INDArray noise = Init.normal(rng, 1, 4, NOISE);
        INDArray text = Init.normal(rng, 1, 4, TEXT);
        INDArray grad = Init.normal(rng, 1, 4, 3, 4, 4);
        g.zeroGradients();
        g.generate(noise, text, true);
        g.backward(grad);
        INDArray once = fcWeight.gradient().dup();
        assertEquals(once, g.graph().getGradientsViewArray().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(TEXT * 3 + 3, TEXT * 3 + 3 + (NOISE + 3) * 8))
                .reshape('f', NOISE + 3, 8), "a view of DL4J's gradients");
        g.generate(noise, text, true);
        g.backward(grad);
        assertTrue(once.mul(2).equalsWithEps(fcWeight.gradient(), 1e-5), "two backward passes add up");
        g.zeroGradients();
        assertEquals(0.0, g.graph().getGradientsViewArray().norm2Number().doubleValue(), 0.0);
    }

    @Test
    void batchNormRunningStatisticsMoveAsInDl4jsOwnTraining() {
        Dl4jGenerator g = new Dl4jGenerator(generator(DataType.FLOAT), NOISE, TEXT);
        Random rng = new Random(3);
        INDArray noise = Init.normal(rng, 1, 6, NOISE);
        INDArray text = Init.normal(rng, 1, 6, TEXT);
        INDArray before = g.graph().getParam("bn_mean").dup();
        INDArray fc = g.graph().feedForward(new INDArray[]{noise, text}, true, false).get("fc").reshape('c', 6, 2, 2, 2);
        INDArray batchMean = fc.mean(0, 2, 3);
        g.backward(Init.normal(rng, 1, 6, 3, 4, 4));
        INDArray expected = before.reshape(batchMean.shape()).mul(0.9).addi(batchMean.mul(0.1));
        assertTrue(expected.equalsWithEps(g.graph().getParam("bn_mean").reshape(batchMean.shape()), 1e-5),
                expected + " vs " + g.graph().getParam("bn_mean"));
        assertNotEquals(before, g.graph().getParam("bn_mean"));
        INDArray inference = g.generate(noise, text, false);
        assertEquals(inference, g.generate(noise, text, false), "inference changes nothing");
    }
}
