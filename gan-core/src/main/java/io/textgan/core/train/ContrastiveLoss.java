package io.textgan.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Symmetric contrastive image–text matching loss over a batch, the sentence loss of AttnGAN's DAMSM
 * (Xu et al. 2018, <a href="https://arxiv.org/abs/1711.10485">arXiv:1711.10485</a>): cosine similarities scaled by
 * γ, cross-entropy of each image against all captions and of each caption against all images, pair i ↔ i correct.
 */
public final class ContrastiveLoss {
    private final double scale;

    /** @param scale γ, the inverse temperature of the softmax over cosine similarities (AttnGAN uses 10) */
    public ContrastiveLoss(double scale) {
        this.scale = scale;
    }

    /**
     * @param imageGradient dLoss/dImageVectors
     * @param textGradient  dLoss/dTextVectors
     * @param accuracy      fraction of images whose most similar caption in the batch is their own
     */
    public record Result(double loss, INDArray imageGradient, INDArray textGradient, double accuracy) {
    }

    /**
     * The loss of consecutive groups of equal size, each scored on its own (so that rows of a repeated caption in
     * different groups are never each other's negatives), averaged by rows; gradients for every row.
     *
     * @param groups 1 for one group of all rows
     */
    public Result compute(INDArray imageVectors, INDArray textVectors, int groups) {
        if (groups == 1) {
            return compute(imageVectors, textVectors);
        }
        long n = imageVectors.size(0);
        long size = n / groups;
        INDArray gradImages = Nd4j.zerosLike(imageVectors);
        INDArray gradText = Nd4j.zerosLike(textVectors);
        double loss = 0;
        double accuracy = 0;
        for (int g = 0; g < groups; g++) {
            long from = g * size;
            long to = g == groups - 1 ? n : from + size;
            var rows = NDArrayIndex.interval(from, to);
            Result r = compute(imageVectors.get(rows, NDArrayIndex.all()), textVectors.get(rows, NDArrayIndex.all()));
            double share = (double) (to - from) / n;
            loss += share * r.loss();
            accuracy += share * r.accuracy();
            gradImages.get(rows, NDArrayIndex.all()).assign(r.imageGradient().muli(share));
            gradText.get(rows, NDArrayIndex.all()).assign(r.textGradient().muli(share));
        }
        return new Result(loss, gradImages, gradText, accuracy);
    }

    public Result compute(INDArray imageVectors, INDArray textVectors) {
        long n = imageVectors.size(0);
        INDArray imageNorms = imageVectors.norm2(true, 1).addi(1e-8);
        INDArray textNorms = textVectors.norm2(true, 1).addi(1e-8);
        INDArray u = imageVectors.divColumnVector(imageNorms);
        INDArray v = textVectors.divColumnVector(textNorms);
        INDArray logits = u.mmul(v.transpose()).muli(scale);
        INDArray eye = Nd4j.eye(n).castTo(logits.dataType());
        INDArray rowSoftmax = softmaxRows(logits);
        INDArray columnSoftmax = softmaxRows(logits.transpose()).transpose();
        double loss = -(Transforms.log(rowSoftmax.mul(eye).sum(1), false).sumNumber().doubleValue()
                + Transforms.log(columnSoftmax.mul(eye).sum(0), false).sumNumber().doubleValue()) / (2.0 * n);
        INDArray gradLogits = rowSoftmax.sub(eye).addi(columnSoftmax.sub(eye)).divi(2.0 * n).muli(scale);
        INDArray gradU = gradLogits.mmul(v);
        INDArray gradV = gradLogits.transpose().mmul(u);
        INDArray predicted = Nd4j.argMax(logits, 1);
        long correct = 0;
        for (int i = 0; i < n; i++) {
            correct += predicted.getLong(i) == i ? 1 : 0;
        }
        return new Result(loss, throughNormalisation(gradU, u, imageNorms), throughNormalisation(gradV, v, textNorms),
                (double) correct / n);
    }

    private static INDArray softmaxRows(INDArray x) {
        INDArray shifted = x.subColumnVector(x.max(true, 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.divColumnVector(e.sum(true, 1));
    }

    /** Gradient of x / |x| : (g − û (û·g)) / |x|. */
    private static INDArray throughNormalisation(INDArray grad, INDArray unit, INDArray norms) {
        INDArray along = grad.mul(unit).sum(true, 1);
        return grad.sub(unit.mulColumnVector(along)).divColumnVector(norms);
    }
}
