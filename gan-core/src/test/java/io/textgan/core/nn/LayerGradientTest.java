package io.textgan.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every layer's backward agrees with central differences of L = Σ forward(x) ⊙ R, and its backwardInput (the recurrent
 * layers have none) gives backward's input gradient without touching a parameter gradient.
 */
class LayerGradientTest {
    private final Random rng = new Random(7);

    private INDArray random(long... shape) {
        return Init.normal(rng, 1.0, shape);
    }

    private void assertGradientsMatch(Layer layer, INDArray input) {
        assertGradientsMatch(layer, input, true);
    }

    /** @param training the forward passes' mode */
    private void assertGradientsMatch(Layer layer, INDArray input, boolean training) {
        INDArray output = layer.forward(input, training);
        INDArray r = random(output.shape());
        layer.parameters().forEach(Parameter::zeroGradient);
        INDArray gradInput = layer.backward(r);
        if (!(layer instanceof Lstm || layer instanceof Gru)) {
            assertInputGradientAlone(layer, r, gradInput);
        }
        List<GradientCheck.Target> targets = new ArrayList<>();
        if (gradInput != null) {
            targets.add(new GradientCheck.Target("input", input, gradInput));
        }
        for (Parameter p : layer.parameters()) {
            if (p.isTrainable()) {
                targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient()));
            }
        }
        List<GradientCheck.Mismatch> failures = GradientCheck.check(
                () -> layer.forward(input, training).mul(r).sumNumber().doubleValue(), targets, 12, 1e-2, 2e-2, 1e-3, rng);
        assertTrue(failures.isEmpty(), () -> layer.describe() + ": " + failures);
    }

    private static void assertInputGradientAlone(Layer layer, INDArray gradOutput, INDArray expected) {
        List<Parameter> trainable = layer.parameters().stream().filter(Parameter::isTrainable).toList();
        List<INDArray> before = trainable.stream().map(p -> p.gradient().dup()).toList();
        INDArray alone = layer.backwardInput(gradOutput);
        double scale = 1 + expected.amaxNumber().doubleValue();
        assertEquals(0, alone.sub(expected).amaxNumber().doubleValue() / scale, 1e-5, () -> layer.describe() + ": backwardInput differs");
        for (int i = 0; i < trainable.size(); i++) {
            assertEquals(before.get(i), trainable.get(i).gradient(), trainable.get(i).name() + ": backwardInput changed its gradient");
        }
    }

    @Test
    void inputGradientAloneWhereTheTransposedConvolutionDoesNotGiveTheInputSizeBack() {
        Conv2d conv = new Conv2d("c", 2, 3, 4, 2, 1, true, random(4, 4, 2, 3).muli(0.3));
        INDArray x = random(2, 2, 5, 5);
        INDArray r = random(conv.forward(x, true).shape());
        INDArray expected = conv.backward(r);
        assertEquals(List.of(2L, 2L, 5L, 5L), List.of(expected.shape()[0], expected.shape()[1], expected.shape()[2], expected.shape()[3]));
        assertInputGradientAlone(conv, r, expected);
    }

    @Test
    void batchNormGradientsAfterAnInferenceForward() {
        BatchNorm bn = new BatchNorm("bn", 3);
        bn.gamma().value().assign(random(3));
        bn.forward(random(4, 3, 2, 2).muli(2).addi(1), true);
        assertGradientsMatch(bn, random(4, 3, 2, 2), false);
        assertGradientsMatch(new BatchNorm("bn", 5), random(6, 5), false);
    }

    @Test
    void aRecurrentLayerHasNoInputGradientAlone() {
        Lstm lstm = new Lstm("lstm", 3, 4, random(3, 16), random(4, 16));
        lstm.forward(random(5, 2, 3), true);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> lstm.backwardInput(random(5, 2, 4)));
        assertEquals(lstm.describe() + " has trainable parameters but no backwardInput", e.getMessage());
    }

    @Test
    void dense() {
        assertGradientsMatch(new Dense("fc", 5, 3, true, random(5, 3)), random(4, 5));
    }

    @Test
    void conv2dWithAndWithoutBias() {
        assertGradientsMatch(new Conv2d("c", 2, 3, 4, 2, 1, true, random(4, 4, 2, 3).muli(0.3)), random(2, 2, 8, 8));
        assertGradientsMatch(new Conv2d("c", 3, 2, 1, 1, 0, false, random(1, 1, 3, 2)), random(2, 3, 4, 4));
    }

    @Test
    void deconv2dWithAndWithoutBias() {
        Deconv2d withBias = new Deconv2d("d", 3, 2, 4, 2, 1, true, random(4, 4, 2, 3).muli(0.3));
        assertEquals(8, withBias.forward(random(2, 3, 4, 4), false).size(2));
        assertGradientsMatch(withBias, random(2, 3, 4, 4));
        assertGradientsMatch(new Deconv2d("d", 2, 3, 4, 2, 1, false, random(4, 4, 3, 2).muli(0.3)), random(2, 2, 4, 4));
    }

    @Test
    void upsampleRepeatsEachPixelAndSumsItsBlockGradient() {
        INDArray x = Nd4j.createFromArray(new float[]{1, 2, 3, 4, 5, 6, 7, 8}).reshape(1, 2, 2, 2);
        INDArray y = new Upsample(2).forward(x, false);
        assertEquals(List.of(1L, 2L, 4L, 4L), List.of(y.size(0), y.size(1), y.size(2), y.size(3)));
        assertEquals(Nd4j.createFromArray(new float[]{1, 1, 2, 2}), y.get(NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.point(1)));
        assertEquals(Nd4j.createFromArray(new float[]{7, 7, 8, 8}), y.get(NDArrayIndex.point(0), NDArrayIndex.point(1), NDArrayIndex.point(3)));
        assertGradientsMatch(new Upsample(2), random(2, 3, 3, 4));
        assertGradientsMatch(new Upsample(3), random(1, 2, 2, 2));
    }

    @Test
    void avgPoolAveragesEachBlockAndSpreadsItsGradient() {
        INDArray x = Nd4j.createFromArray(new float[]{1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16}).reshape(1, 1, 4, 4);
        INDArray y = new AvgPool2d(2).forward(x, false);
        assertEquals(Nd4j.createFromArray(new float[]{2.5f, 6.5f, 10.5f, 14.5f}).reshape(1, 1, 2, 2), y);
        assertGradientsMatch(new AvgPool2d(2), random(2, 3, 4, 6));
        assertGradientsMatch(new AvgPool2d(4), random(1, 2, 8, 4));
        assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2).forward(random(1, 1, 3, 4), false));
    }

    @Test
    void residualSumsItsBranchesForwardAndBackward() {
        Sequential main = new Sequential(List.of(new Conv2d("m1", 2, 3, 3, 1, 1, true, random(3, 3, 2, 3).muli(0.3)),
                Activation.tanh(), new Conv2d("m2", 3, 3, 3, 1, 1, false, random(3, 3, 3, 3).muli(0.3)), new AvgPool2d(2)));
        Sequential shortcut = new Sequential(List.of(new AvgPool2d(2), new Conv2d("s", 2, 3, 1, 1, 0, false, random(1, 1, 2, 3))));
        Residual block = new Residual("block", main, shortcut);
        INDArray x = random(2, 2, 4, 4);
        INDArray expected = main.forward(x, true).add(shortcut.forward(x, true));
        assertEquals(expected, block.forward(x, true));
        assertGradientsMatch(block, x);
        assertEquals(List.of("m1.weight", "m1.bias", "m2.weight", "s.weight"),
                block.parameters().stream().map(Parameter::name).toList());
        assertEquals(main.multiplyAdds(new long[]{2, 4, 4}) + shortcut.multiplyAdds(new long[]{2, 4, 4}),
                block.multiplyAdds(new long[]{2, 4, 4}));
    }

    @Test
    void residualWithIdentityShortcutPassesTheGradientThrough() {
        Residual block = new Residual("block", new Sequential(List.of(Activation.tanh(),
                new Conv2d("m", 2, 2, 3, 1, 1, true, random(3, 3, 2, 2).muli(0.3)))), new Sequential(List.of()));
        assertGradientsMatch(block, random(2, 2, 3, 3));
    }

    @Test
    void residualBranchesMustAgreeOnTheOutputShape() {
        Residual block = new Residual("bad", new Sequential(List.of(new AvgPool2d(2))), new Sequential(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.outputShape(new long[]{2, 4, 4}));
        assertEquals("bad: main branch gives [2, 2, 2], shortcut [2, 4, 4] for input [2, 4, 4]", e.getMessage());
    }

    @Test
    void batchNormOverChannelsAndFeatures() {
        assertGradientsMatch(new BatchNorm("bn", 3), random(4, 3, 3, 3));
        assertGradientsMatch(new BatchNorm("bn", 5), random(6, 5));
    }

    @Test
    void batchNormNormalisesInTrainingAndUsesRunningStatisticsInInference() {
        BatchNorm bn = new BatchNorm("bn", 2);
        INDArray x = random(64, 2, 4, 4).muli(3).addi(5);
        INDArray y = bn.forward(x, true);
        assertEquals(0, y.meanNumber().doubleValue(), 1e-4);
        assertEquals(1, y.varNumber().doubleValue(), 1e-2);
        for (int i = 0; i < 100; i++) {
            bn.forward(x, true);
        }
        assertEquals(0, bn.forward(x, false).meanNumber().doubleValue(), 1e-2);
    }

    @Test
    void activations() {
        INDArray awayFromKink = random(3, 7).addi(Nd4j.rand(DataType.FLOAT, 3, 7).gt(0.5).castTo(DataType.FLOAT).subi(0.5).muli(0.5));
        assertGradientsMatch(Activation.leakyRelu(0.2), awayFromKink);
        assertGradientsMatch(Activation.relu(), awayFromKink);
        assertGradientsMatch(Activation.tanh(), random(3, 7));
    }

    @Test
    void lstmThroughTime() {
        assertGradientsMatch(new Lstm("lstm", 3, 4, random(3, 16).muli(0.5), random(4, 16).muli(0.5)), random(5, 2, 3));
    }

    @Test
    void gruThroughTime() {
        assertGradientsMatch(new Gru("gru", 3, 4, random(3, 12).muli(0.5), random(4, 12).muli(0.5)), random(5, 2, 3));
    }

    @Test
    void embeddingAccumulatesRepeatedTokens() {
        Embedding embedding = new Embedding("e", 4, 3, random(4, 3));
        INDArray ids = Nd4j.createFromArray(new float[][]{{1, 1}, {3, 0}});
        INDArray out = embedding.forward(ids, true);
        assertEquals(List.of(2L, 2L, 3L), List.of(out.size(0), out.size(1), out.size(2)));
        embedding.backward(Nd4j.ones(DataType.FLOAT, 2, 2, 3));
        INDArray grad = embedding.parameters().get(0).gradient();
        assertEquals(2.0, grad.getDouble(1, 0), 1e-6);
        assertEquals(0.0, grad.getDouble(2, 0), 1e-6);
    }

    @Test
    void sequentialReshapeChain() {
        Layer net = new Sequential(List.of(new Dense("fc", 6, 8, false, random(6, 8)), new Reshape(2, 2, 2),
                new BatchNorm("bn", 2), Activation.tanh()));
        assertGradientsMatch(net, random(4, 6));
    }
}
