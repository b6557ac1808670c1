package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Judges (image, text) pairs: one logit per pair, high for real and matching. */
public interface Discriminator extends Network {

    /**
     * Scores each image with k texts: text row {@code j·N + i} goes with image i, and so does logit row
     * {@code j·N + i}. With k = 1 that is one text per image; with k > 1 (the same real images with their right and
     * a wrong caption) the image features are computed once.
     *
     * @param images [N, 3, S, S] @param text [k·N, textSize] @return logits [k·N, 1]
     * @throws IllegalArgumentException if text's rows are not a positive multiple of the images'
     */
    INDArray score(INDArray images, INDArray text, boolean training);

    /**
     * Backpropagates dLoss/dLogits [k·N, 1] of the latest {@link #score}, accumulating parameter gradients, and returns
     * dLoss/dImages [N, 3, S, S] (summed over the k texts): the external error that trains the generator.
     */
    INDArray backward(INDArray gradLogits);

    /**
     * The two embeddings whose inner product is part of the latest {@link #score}'s logits, one row per logit: a
     * projection discriminator's image features and its projection of the text. Null (the default) when the logit has
     * no such term. Through them a batch's every image can be compared with every caption at the cost of a matrix
     * product (the contrastive term of {@code DiscriminatorContrast}). Before the first score, a discriminator with such
     * a term returns embeddings whose parts are null.
     */
    default Embeddings embeddings() {
        return null;
    }

    /**
     * {@link #backward(INDArray)} with extra gradients on the latest score's {@link #embeddings()} (same shapes; a
     * null part adds nothing).
     *
     * @throws UnsupportedOperationException if this discriminator has no embeddings
     */
    default INDArray backward(INDArray gradLogits, Embeddings gradEmbeddings) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no image and text embeddings");
    }

    /**
     * dLoss/dImages of the latest score, as {@link #backward} returns it, for a generator's update through this
     * discriminator while it is not being updated: parameter gradients need not be computed and may be left anything
     * (the next update of the discriminator clears them first).
     *
     * @param gradEmbeddings extra gradients on the {@link #embeddings()}, or null for none
     */
    default INDArray backwardInput(INDArray gradLogits, Embeddings gradEmbeddings) {
        return gradEmbeddings == null ? backward(gradLogits) : backward(gradLogits, gradEmbeddings);
    }

    /**
     * The parameter gradients of {@link #backward}, for an update of this discriminator, where dLoss/dImages is not
     * needed (its images are data or the generator's, held fixed).
     *
     * @param gradEmbeddings extra gradients on the {@link #embeddings()}, or null for none
     */
    default void backwardParameters(INDArray gradLogits, Embeddings gradEmbeddings) {
        if (gradEmbeddings == null) {
            backward(gradLogits);
        } else {
            backward(gradLogits, gradEmbeddings);
        }
    }

    /** @param image [rows, E] @param text [rows, E] */
    record Embeddings(INDArray image, INDArray text) {
    }
}
