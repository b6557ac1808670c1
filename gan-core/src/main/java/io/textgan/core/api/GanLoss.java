package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An adversarial loss on discriminator logits [N, 1]; each method returns the mean loss and dLoss/dLogits. */
public interface GanLoss {

    /** The discriminator's loss for logits that should be judged real (or fake when {@code real} is false). */
    LossGradient discriminator(INDArray logits, boolean real);

    /** The generator's loss for the discriminator's logits on generated images. */
    LossGradient generator(INDArray fakeLogits);
}
