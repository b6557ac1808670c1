package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Sigmoid cross-entropy for the discriminator and the non-saturating generator loss −log D(G(z))
 * (Goodfellow et al. 2014), both computed stably from logits.
 */
public final class NonSaturatingLoss implements GanLoss {
    private final double realLabel;

    public NonSaturatingLoss() {
        this(1);
    }

    /** @param realLabel the discriminator's target for real pairs; below 1 is one-sided label smoothing (Salimans et al. 2016) */
    public NonSaturatingLoss(double realLabel) {
        this.realLabel = realLabel;
    }

    @Override
    public LossGradient discriminator(INDArray logits, boolean real) {
        return sigmoidCrossEntropy(logits, real ? realLabel : 0);
    }

    @Override
    public LossGradient generator(INDArray fakeLogits) {
        return sigmoidCrossEntropy(fakeLogits, 1);
    }

    /** mean(softplus(x) − t·x) and its gradient (σ(x) − t) / N. */
    static LossGradient sigmoidCrossEntropy(INDArray logits, double target) {
        long n = logits.length();
        // softplus(x) = max(x, 0) + log(1 + exp(-|x|)) avoids overflow for large |x|
        INDArray softplus = Transforms.relu(logits, true).addi(Transforms.log(Transforms.exp(Transforms.abs(logits, true).negi(), false).addi(1), false));
        double loss = softplus.subi(logits.mul(target)).sumNumber().doubleValue() / n;
        INDArray gradient = Transforms.sigmoid(logits, true).subi(target).divi(n);
        return new LossGradient(loss, gradient);
    }
}
