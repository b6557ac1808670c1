package io.textgan.core.train;

import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Sigmoid cross-entropy for the discriminator and the non-saturating generator loss −log D(G(z))
 * (Goodfellow et al. 2014), both computed stably from logits.
 */
public final class NonSaturatingLoss extends TargetLoss {

    public NonSaturatingLoss() {
        this(1);
    }

    /** @param realLabel the discriminator's target for real pairs; below 1 is one-sided label smoothing (Salimans et al. 2016) */
    public NonSaturatingLoss(double realLabel) {
        super(realLabel);
    }

    @Override
    LossGradient toward(INDArray logits, double target) {
        return sigmoidCrossEntropy(logits, target);
    }

    /** mean(softplus(x) − t·x) and its gradient (σ(x) − t) / N. */
    static LossGradient sigmoidCrossEntropy(INDArray logits, double target) {
        long n = logits.length();
        double loss = softplus(logits).subi(logits.mul(target)).sumNumber().doubleValue() / n;
        INDArray gradient = Transforms.sigmoid(logits, true).subi(target).divi(n);
        return new LossGradient(loss, gradient);
    }

    /** log(1 + exp(x)) computed as max(x, 0) + log(1 + exp(−|x|)), which cannot overflow; a new array. */
    static INDArray softplus(INDArray logits) {
        return Transforms.relu(logits, true).addi(Transforms.log(Transforms.exp(Transforms.abs(logits, true).negi(), false).addi(1), false));
    }
}
