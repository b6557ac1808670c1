package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hinge loss of geometric GAN and SAGAN (Lim and Ye 2017, <a href="https://arxiv.org/abs/1705.02894">arXiv:1705.02894</a>;
 * Zhang et al. 2018): the discriminator minimises mean(max(0, 1 − x)) on real pairs and mean(max(0, 1 + x)) on
 * fake ones, the generator −mean(x). It has no label to smooth.
 */
public final class HingeLoss implements GanLoss {

    @Override
    public LossGradient discriminator(INDArray logits, boolean real) {
        // real: max(0, 1 − x), gradient −[x < 1] / N; fake: max(0, 1 + x), gradient [x > −1] / N
        double sign = real ? -1 : 1;
        INDArray margin = logits.mul(sign).addi(1);
        long n = logits.length();
        double loss = Transforms.relu(margin, true).sumNumber().doubleValue() / n;
        INDArray gradient = margin.gt(0).castTo(DataType.FLOAT).muli(sign / n);
        return new LossGradient(loss, gradient);
    }

    @Override
    public LossGradient generator(INDArray fakeLogits) {
        long n = fakeLogits.length();
        double loss = -fakeLogits.sumNumber().doubleValue() / n;
        return new LossGradient(loss, fakeLogits.like().assign(-1.0 / n));
    }
}
