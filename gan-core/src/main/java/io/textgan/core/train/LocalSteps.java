package io.textgan.core.train;

import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/** Steps computed in this JVM on the sampler's batches (the sampler stays open: its owner closes it). */
final class LocalSteps implements StepSource {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSteps.class);
    private final BatchSampler sampler;
    private final GanGradients gradients;

    /** Encodes the sampler's captions once, for every step (see {@link GanGradients#encodeCaptions}). */
    LocalSteps(BatchSampler sampler, GanGradients gradients) {
        this.sampler = sampler;
        this.gradients = gradients;
        long start = System.nanoTime();
        int kept = gradients.encodeCaptions(sampler.source());
        LOG.info("text vectors of {} captions encoded once in {} s", kept, String.format("%.1f", (System.nanoTime() - start) / 1e9));
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
