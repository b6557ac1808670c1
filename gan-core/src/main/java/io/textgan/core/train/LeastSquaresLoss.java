package io.textgan.core.train;

import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Least-squares GAN (LSGAN, Mao et al. 2017, <a href="https://arxiv.org/abs/1611.04076">arXiv:1611.04076</a>) with
 * the 0-1 coding: the discriminator's raw logits regress to 1 for real and 0 for fake, ½·mean((x − target)²), and the
 * generator's to 1.
 */
public final class LeastSquaresLoss extends TargetLoss {

    /** @param realLabel the discriminator's target for real pairs; below 1 is one-sided label smoothing */
    public LeastSquaresLoss(double realLabel) {
        super(realLabel);
    }

    /** ½·mean((x − t)²) and its gradient (x − t) / N. */
    @Override
    LossGradient toward(INDArray logits, double target) {
        INDArray error = logits.sub(target);
        double loss = 0.5 * error.mul(error).sumNumber().doubleValue() / logits.length();
        return new LossGradient(loss, error.divi(logits.length()));
    }
}
