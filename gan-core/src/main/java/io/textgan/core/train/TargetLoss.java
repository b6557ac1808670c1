package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss that drives the discriminator's logits toward a target, the real label for real pairs and 0 for fake ones,
 * and by default the generator's toward 1; the subclass says how the distance to a target is measured.
 */
abstract sealed class TargetLoss implements GanLoss permits NonSaturatingLoss, MinimaxLoss, LeastSquaresLoss {
    private final double realLabel;

    /** @param realLabel the discriminator's target for real pairs; below 1 is one-sided label smoothing (Salimans et al. 2016) */
    TargetLoss(double realLabel) {
        this.realLabel = realLabel;
    }

    /** The mean loss of logits against a target, and its gradient. */
    abstract LossGradient toward(INDArray logits, double target);

    @Override
    public final LossGradient discriminator(INDArray logits, boolean real) {
        return toward(logits, real ? realLabel : 0);
    }

    @Override
    public LossGradient generator(INDArray fakeLogits) {
        return toward(fakeLogits, 1);
    }
}
