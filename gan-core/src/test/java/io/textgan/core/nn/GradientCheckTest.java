package io.textgan.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: it fails a wrong gradient, and skips exactly the entries whose step crosses a kink. */
class GradientCheckTest {
    private final INDArray x = Nd4j.createFromArray(new float[]{1e-4f, 1.5f, -0.7f, 0.8f});
    private final INDArray r = Nd4j.createFromArray(new float[]{2, -1, 3, 0.5f});
    private final Layer relu = Activation.relu();

    private double loss() {
        return relu.forward(x, true).mul(r).sumNumber().doubleValue();
    }

    private INDArray analyticGradient() {
        relu.forward(x, true);
        return relu.backward(r);
    }

    @Test
    void anEntryWithinAStepOfAKinkIsSkippedAndTheOthersCompared() {
        GradientCheck.Report report = GradientCheck.checkSkippingKinks(this::loss,
                List.of(new GradientCheck.Target("x", x, analyticGradient())), 10, 1e-2, 1e-2, 1e-4, new Random(1));
        assertEquals(new GradientCheck.Report(List.of(), 3, 1), report);
        List<GradientCheck.Mismatch> plain = GradientCheck.check(this::loss,
                List.of(new GradientCheck.Target("x", x, analyticGradient())), 10, 1e-2, 1e-2, 1e-4, new Random(1));
        assertEquals(1, plain.size(), "the plain check sees the kink as a mismatch: " + plain);
        assertEquals(0, plain.get(0).index());
    }

    @Test
    void aWrongGradientFailsWhereTheLossIsSmooth() {
        INDArray wrong = analyticGradient().mul(1.5);
        GradientCheck.Report report = GradientCheck.checkSkippingKinks(this::loss,
                List.of(new GradientCheck.Target("x", x, wrong)), 10, 1e-2, 1e-2, 1e-4, new Random(1));
        assertEquals(List.of(1L, 3L), report.mismatches().stream().map(GradientCheck.Mismatch::index).toList());
        assertTrue(report.skipped() == 1 && report.compared() == 3, report::toString);
    }
}
