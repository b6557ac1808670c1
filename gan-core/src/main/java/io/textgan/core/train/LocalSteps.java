package io.textgan.core.train;

import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;

import java.util.Iterator;

/** Steps computed in this JVM on the sampler's batches (the sampler stays open: its owner closes it). */
final class LocalSteps implements StepSource {
    private final BatchSampler sampler;
    private final GanGradients gradients;

    LocalSteps(BatchSampler sampler, GanGradients gradients) {
        this.sampler = sampler;
        this.gradients = gradients;
    }

    @Override
    public int batchesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public Iterable<StepGradients> epoch(int epoch, int from) {
        Iterable<Batch> batches = sampler.epoch(epoch, from);
        return () -> {
            Iterator<Batch> it = batches.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public StepGradients next() {
                    return new Step(gradients, it.next());
                }
            };
        };
    }

    @Override
    public void close() {
    }

    /** A whole batch's gradients in this JVM. */
    static final class Step implements StepGradients {
        private final GanGradients gradients;
        private final Batch batch;
        private GanGradients.Inputs inputs;

        Step(GanGradients gradients, Batch batch) {
            this.gradients = gradients;
            this.batch = batch;
        }

        @Override
        public int size() {
            return batch.size();
        }

        @Override
        public double discriminator(int step) {
            return gradients.discriminator(inputs(step), step);
        }

        @Override
        public double generator(int step, int k) {
            return gradients.generator(inputs(step), step, k);
        }

        private GanGradients.Inputs inputs(int step) {
            if (inputs == null) {
                inputs = gradients.inputs(batch, step, GanGradients.Shard.whole(batch.size()));
            }
            return inputs;
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
