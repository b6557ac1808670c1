package io.textgan.core.train;

/** Observes training; each listener has one concern (progress, samples, checkpoints, ...). */
public interface TrainingListener {

    /** One pre-training step of the text encoder. */
    default void onEncoderStep(int step, int steps, double loss, double accuracy) {
    }

    default void onEpochStart(int epoch, int batches) {
    }

    default void onStep(GanTrainer trainer, StepReport report) throws java.io.IOException {
    }

    /** After the last step of an epoch (also a partial one cut short by maxSteps). */
    default void onEpochEnd(GanTrainer trainer, int epoch) throws java.io.IOException {
    }

    /**
     * @param epoch        1-based epoch
     * @param step         GAN steps completed in the whole run
     * @param batch        1-based batch within the epoch
     * @param batches      batches in the epoch
     * @param images       images in this batch
     * @param seconds      wall time of this step
     */
    record StepReport(int epoch, int step, int batch, int batches, double discriminatorLoss, double generatorLoss,
                      int images, double seconds) {
    }
}
