package io.textgan.core.train;

/** A loss became NaN or infinite; the step was not applied. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
