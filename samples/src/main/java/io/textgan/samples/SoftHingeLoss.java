package io.textgan.samples;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import io.textgan.core.api.LossProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A loss plugged in from outside the framework, as a user would write one: the hinge loss with max(0, m) smoothed
 * to softplus(m) = log(1 + exp(m)), so that confidently right logits still get a small gradient. The discriminator
 * minimises mean(softplus(1 − x)) on real pairs and mean(softplus(1 + x)) on fake ones, the generator
 * mean(softplus(1 − x)) on its fakes. Registered as {@value #NAME} by its nested {@link Provider}, listed in
 * {@code META-INF/services/io.textgan.core.api.LossProvider}.
 */
public final class SoftHingeLoss implements GanLoss {
    /** The name to give {@code gan train --loss}. */
    public static final String NAME = "soft-hinge";

    @Override
    public LossGradient discriminator(INDArray logits, boolean real) {
        return softplusOfMargin(logits, real ? -1 : 1);
    }

    @Override
    public LossGradient generator(INDArray fakeLogits) {
        return softplusOfMargin(fakeLogits, -1);
    }

    /** mean(softplus(1 + s·x)) and its gradient s·σ(1 + s·x) / N. */
    private static LossGradient softplusOfMargin(INDArray logits, double sign) {
        INDArray margin = logits.mul(sign).addi(1);
        long n = logits.length();
        // softplus(m) = max(m, 0) + log(1 + exp(-|m|)) cannot overflow, unlike log(1 + exp(m))
        INDArray softplus = Transforms.relu(margin, true)
                .addi(Transforms.log(Transforms.exp(Transforms.abs(margin, true).negi(), false).addi(1), false));
        double loss = softplus.sumNumber().doubleValue() / n;
        return new LossGradient(loss, Transforms.sigmoid(margin, false).muli(sign / n));
    }

    /** Makes the loss known to {@link java.util.ServiceLoader} as {@value #NAME}. */
    public static final class Provider implements LossProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "sample plug-in: hinge loss with max(0, m) smoothed to softplus(m)";
        }

        @Override
        public GanLoss create(double realLabel) {
            if (realLabel != 1) {
                throw new IllegalArgumentException("the soft hinge loss has no label to smooth: the real label must be 1, not " + realLabel);
            }
            return new SoftHingeLoss();
        }
    }
}
