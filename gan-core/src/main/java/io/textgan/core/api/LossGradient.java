package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A loss value and its gradient with respect to the scores it was computed from. */
public record LossGradient(double loss, INDArray gradient) {
}
