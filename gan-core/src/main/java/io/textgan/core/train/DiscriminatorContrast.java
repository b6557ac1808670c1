package io.textgan.core.train;

import io.textgan.core.api.Discriminator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The sentence–image contrastive losses of XMC-GAN (Zhang et al. 2021,
 * <a href="https://arxiv.org/abs/2101.04702">arXiv:2101.04702</a>) through a projection discriminator's
 * {@linkplain Discriminator#embeddings() embeddings}. The discriminator learns to pick each real image's caption among
 * all the captions of its batch, and each caption's image, so its features must tell apart every word that separates
 * two captions of a batch, not only the word a random wrong caption happens to differ in (nearly always an easy one, a
 * colour). The generator learns to make its images pass the same test against the discriminator that keeps learning,
 * where a frozen encoder ({@link ImageTextMatching}) can be satisfied by patterns no person would read as the word.
 * Cosine similarities scaled by γ = 10, both directions ({@link ContrastiveLoss}).
 */
public final class DiscriminatorContrast {
    private static final double SIMILARITY_SCALE = 10;

    private final double weight;
    private final ContrastiveLoss loss = new ContrastiveLoss(SIMILARITY_SCALE);

    /** @param weight λ, the weight of both the discriminator's and the generator's term */
    public DiscriminatorContrast(double weight) {
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("the contrastive term's weight must be positive: " + weight);
        }
        this.weight = weight;
    }

    /** λ times a loss, and its gradient on the embeddings it was computed from. */
    public record Result(double loss, Discriminator.Embeddings gradient) {
    }

    /**
     * The discriminator's term: its first {@code n} embedding rows are the real images with their own captions (the
     * rows after them, if any, get no gradient).
     */
    public Result real(Discriminator.Embeddings embeddings, long n) {
        var rows = NDArrayIndex.interval(0, n);
        ContrastiveLoss.Result r = loss.compute(embeddings.image().get(rows, NDArrayIndex.all()),
                embeddings.text().get(rows, NDArrayIndex.all()));
        INDArray gradImage = Nd4j.zerosLike(embeddings.image());
        INDArray gradText = Nd4j.zerosLike(embeddings.text());
        gradImage.get(rows, NDArrayIndex.all()).assign(r.imageGradient().muli(weight));
        gradText.get(rows, NDArrayIndex.all()).assign(r.textGradient().muli(weight));
        return new Result(weight * r.loss(), new Discriminator.Embeddings(gradImage, gradText));
    }

    /**
     * The generator's term, on generated images scored with the captions they were drawn for; the gradient is on the
     * image embedding only.
     *
     * @param groups the rows form this many consecutive groups scored on their own (2 with {@link ModeSeeking}'s
     *               pairs, whose captions repeat)
     */
    public Result generated(Discriminator.Embeddings embeddings, int groups) {
        ContrastiveLoss.Result r = loss.compute(embeddings.image(), embeddings.text(), groups);
        return new Result(weight * r.loss(), new Discriminator.Embeddings(r.imageGradient().muli(weight), null));
    }
}
