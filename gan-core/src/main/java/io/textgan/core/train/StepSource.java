package io.textgan.core.train;

import io.textgan.core.data.BatchSampler;

/** The steps of each epoch, where their gradients are computed: in this JVM or on data-parallel workers. */
public interface StepSource extends AutoCloseable {

    int batchesPerEpoch();

    /** The steps of one epoch, starting at batch {@code from}. */
    Iterable<StepGradients> epoch(int epoch, int from);

    @Override
    void close();

    /** Opens the steps of a trainer over a sampler's batches; {@link #LOCAL} computes them in this JVM. */
    @FunctionalInterface
    interface Factory {
        Factory LOCAL = (sampler, trainer) -> new LocalSteps(sampler, trainer.gradients());

        StepSource open(BatchSampler sampler, GanTrainer trainer);
    }
}
