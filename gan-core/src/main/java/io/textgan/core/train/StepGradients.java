package io.textgan.core.train;

/**
 * One step's batch, ready to give the step's gradients; {@link GanTrainer} checks and applies them in between, so the
 * generator's gradient is taken through the updated discriminator. Computed in this JVM ({@link LocalSteps}) or by
 * data-parallel workers, whose averaged gradients land in the trainer's parameters just as local ones do.
 */
public interface StepGradients extends AutoCloseable {

    /** Images in the (whole) batch. */
    int size();

    /**
     * Puts the discriminator's gradient (the batch mean) into its parameters' gradients, and its buffers' new values
     * into its buffers; returns its loss.
     *
     * @param step steps completed before this one
     * @throws TrainingDivergedException if the loss is not finite
     */
    double discriminator(int step);

    /** The same for the generator's {@code k}-th update of the step (0-based), through the discriminator as it is now. */
    double generator(int step, int k);

    /** Frees the batch. */
    @Override
    void close();
}
