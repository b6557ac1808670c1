package io.textgan.core.train;

import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mode-seeking regularisation (MSGAN, Mao et al. 2019, <a href="https://arxiv.org/abs/1903.05628">arXiv:1903.05628</a>):
 * for pairs of images drawn for the same caption from different noise, the ratio
 * r = mean|G(c, z₁) − G(c, z₂)| / mean|z₁ − z₂|, and the generator's loss gains λ / (r + ε). A conditional generator
 * that ignores its noise (one image per caption) makes r small and pays for it; one whose images vary with the noise
 * pays little. The pairs are the batch's halves: image i and image i + N/2 share their caption.
 */
public final class ModeSeeking {
    private static final double EPSILON = 1e-5;

    private final double weight;

    /** @param weight λ, the term's weight */
    public ModeSeeking(double weight) {
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("the mode-seeking weight must be positive: " + weight);
        }
        this.weight = weight;
    }

    /** The caption rows of a batch of {@code n}: 0 … h−1, then 0 … h−1 again (h = n/2), and n−1 last when n is odd. */
    public static int[] pairedRows(int n) {
        int half = n / 2;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i < 2 * half ? i % half : i;
        }
        return rows;
    }

    /** λ / (r + ε) for images [N, …] drawn from noise [N, Z] in {@link #pairedRows} pairs, and its gradient for the images. */
    public LossGradient apply(INDArray images, INDArray noise) {
        long half = images.size(0) / 2;
        INDArray first = images.get(NDArrayIndex.interval(0, half));
        INDArray second = images.get(NDArrayIndex.interval(half, 2 * half));
        INDArray difference = first.sub(second);
        double imageDistance = Transforms.abs(difference, true).meanNumber().doubleValue();
        double noiseDistance = Transforms.abs(noise.get(NDArrayIndex.interval(0, half), NDArrayIndex.all())
                .sub(noise.get(NDArrayIndex.interval(half, 2 * half), NDArrayIndex.all())), false).meanNumber().doubleValue();
        double ratio = imageDistance / noiseDistance;
        double loss = weight / (ratio + EPSILON);
        // d loss / d first = −λ / (r + ε)² · sign(first − second) / (count · noiseDistance); second gets the opposite
        double scale = -weight / ((ratio + EPSILON) * (ratio + EPSILON) * difference.length() * noiseDistance);
        INDArray signs = Transforms.sign(difference, false).muli(scale);
        INDArray gradient = Nd4j.zerosLike(images);
        gradient.get(NDArrayIndex.interval(0, half)).assign(signs);
        gradient.get(NDArrayIndex.interval(half, 2 * half)).assign(signs.neg());
        return new LossGradient(loss, gradient);
    }
}
