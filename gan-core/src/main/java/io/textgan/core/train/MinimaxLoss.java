package io.textgan.core.train;

import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The original minimax game of Goodfellow et al. 2014 (<a href="https://arxiv.org/abs/1406.2661">arXiv:1406.2661</a>):
 * the discriminator's sigmoid cross-entropy, and a generator that minimises log(1 − D(G(z))) = −softplus(logit).
 * Its gradient vanishes while the discriminator rejects the fakes confidently, which is why the non-saturating loss
 * is the default.
 */
public final class MinimaxLoss extends TargetLoss {

    /** @param realLabel the discriminator's target for real pairs; below 1 is one-sided label smoothing */
    public MinimaxLoss(double realLabel) {
        super(realLabel);
    }

    @Override
    LossGradient toward(INDArray logits, double target) {
        return NonSaturatingLoss.sigmoidCrossEntropy(logits, target);
    }

    /** mean(−softplus(x)) and its gradient −σ(x) / N. */
    @Override
    public LossGradient generator(INDArray fakeLogits) {
        long n = fakeLogits.length();
        double loss = -NonSaturatingLoss.softplus(fakeLogits).sumNumber().doubleValue() / n;
        return new LossGradient(loss, Transforms.sigmoid(fakeLogits, true).negi().divi(n));
    }
}
