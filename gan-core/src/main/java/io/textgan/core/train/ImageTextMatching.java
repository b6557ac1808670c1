package io.textgan.core.train;

import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A generator loss term that says directly whether an image shows its caption: the sentence loss of AttnGAN's DAMSM
 * (Xu et al. 2018, <a href="https://arxiv.org/abs/1711.10485">arXiv:1711.10485</a>) on generated images, through the
 * image encoder that was pre-trained with the text encoder and is frozen afterwards. The discriminator learns which
 * words matter only from the mismatched pairs it happens to see, and a random wrong caption nearly always differs in
 * an easier word (a colour) than the one the generator gets wrong (a shape); this term compares every image with its
 * own caption, word by word as far as the encoders tell them apart.
 * <p>
 * Images whose captions are the same (the mode-seeking pairs of {@link ModeSeeking}) are scored in separate groups,
 * so that a caption is never its own negative.
 */
public final class ImageTextMatching {
    private static final double SIMILARITY_SCALE = 10;

    private final ImageEncoder encoder;
    private final double weight;
    private final ContrastiveLoss loss = new ContrastiveLoss(SIMILARITY_SCALE);

    /** @param encoder the pre-trained image encoder, never updated here @param weight λ, the term's weight */
    public ImageTextMatching(ImageEncoder encoder, double weight) {
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("the matching term's weight must be positive: " + weight);
        }
        this.encoder = encoder;
        this.weight = weight;
    }

    public ImageEncoder encoder() {
        return encoder;
    }

    /**
     * λ times the matching loss of images [N, 3, S, S] with their text vectors [N, T], and its gradient with respect
     * to the images.
     *
     * @param groups the images form this many consecutive groups of equal size, each scored on its own (1: one group)
     */
    public LossGradient apply(INDArray images, INDArray text, int groups) {
        ContrastiveLoss.Result r = loss.compute(encoder.encode(images, false), text, groups);
        return new LossGradient(weight * r.loss(), encoder.backwardInput(r.imageGradient().muli(weight)));
    }
}
