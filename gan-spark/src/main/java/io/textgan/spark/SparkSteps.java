package io.textgan.spark;

import io.textgan.core.data.BatchPlan;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.StepGradients;
import io.textgan.core.train.StepSource;
import io.textgan.core.train.TrainingDivergedException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A trainer's steps computed by Spark: each step is two jobs of one task per shard, the discriminator's gradient and
 * then the generator's through the updated discriminator. The driver sends its weights with each job, collects the
 * shards' weighted gradients and sums them in shard order (so a step's result does not depend on which task finished
 * first: a recomputed task changes no bit), and puts the sum into its own networks' gradients, where the trainer checks
 * and applies it as it does a local step's; so there is one copy of the weights and the optimiser state (the
 * driver's), and every task starts from it.
 */
final class SparkSteps implements StepSource {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSteps.class);
    private final JavaSparkContext spark;
    private final GanTrainer trainer;
    private final BatchSampler sampler;
    private final int workers;
    private final WorkerSetup setup;
    private final Broadcast<WorkerSetup> setupBroadcast;
    private final List<Parameter> generator;
    private final List<Parameter> discriminator;

    SparkSteps(JavaSparkContext spark, GanTrainer trainer, BatchSampler sampler, int workers, DataRequest data,
               boolean local, FaultInjection fault) {
        this.spark = spark;
        this.trainer = trainer;
        this.sampler = sampler;
        this.workers = workers;
        this.setup = WorkerSetup.of(trainer, data, sampler.source().size(), sampler.augmentation(), fault);
        if (local) {
            WorkerData.lend(setup.id(), sampler.source());
        }
        this.setupBroadcast = spark.broadcast(setup);
        this.generator = trainer.model().generator().parameters();
        this.discriminator = trainer.discriminator().parameters();
        LOG.info("Spark steps: {} shards of {} images; per step each worker receives the weights twice ({} bytes each) and "
                        + "sends a discriminator gradient of {} bytes and {} generator gradient(s) of {} bytes",
                workers, trainer.config().batchSize() / workers, 4 * (Flat.length(generator) + Flat.length(discriminator)),
                gradientBytes(discriminator), trainer.config().generatorSteps(), gradientBytes(generator));
    }

    @Override
    public int batchesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public Iterable<StepGradients> epoch(int epoch, int from) {
        List<BatchPlan> plans = sampler.plans(epoch, from);
        return () -> plans.stream().map(plan -> (StepGradients) new Step(plan)).iterator();
    }

    /** Bytes of one network's gradient, as each worker sends it. */
    static long gradientBytes(List<Parameter> parameters) {
        return 4L * Flat.length(Flat.trainable(parameters));
    }

    private ShardResult run(BatchPlan plan, int step, Phase phase) {
        Broadcast<StepWeights> weights = spark.broadcast(new StepWeights(Flat.values(generator), Flat.values(discriminator)));
        try {
            spark.setJobDescription("gan step " + (step + 1) + ": " + phase);
            // collect returns the shards' results in partition (= shard) order, however their tasks finished
            ShardResult sum = ShardResult.sum(spark.parallelize(ShardSpec.split(plan, workers), workers)
                    .map(new ShardTask(setupBroadcast, weights, phase, step))
                    .collect());
            if (sum.diverged() != null) {
                throw new TrainingDivergedException(sum.diverged());
            }
            return sum;
        } finally {
            weights.destroy();
        }
    }

    @Override
    public void close() {
        setupBroadcast.destroy();
        WorkerData.forget(setup.id());
        Replicas.release(setup.id());
    }

    /** One step's two kinds of job. */
    private final class Step implements StepGradients {
        private final BatchPlan plan;

        Step(BatchPlan plan) {
            this.plan = plan;
        }

        @Override
        public int size() {
            return plan.size();
        }

        @Override
        public double discriminator(int step) {
            ShardResult sum = run(plan, step, Phase.DISCRIMINATOR);
            Flat.assignGradients(Flat.trainable(discriminator), sum.gradient());
            Flat.assignValues(Flat.buffers(discriminator), sum.buffers());
            return sum.loss();
        }

        @Override
        public double generator(int step, int k) {
            ShardResult sum = run(plan, step, Phase.generator(k));
            Flat.assignGradients(Flat.trainable(generator), sum.gradient());
            List<Parameter> buffers = new ArrayList<>(Flat.buffers(generator));
            buffers.addAll(Flat.buffers(discriminator));
            Flat.assignValues(buffers, sum.buffers());
            return sum.loss();
        }

        @Override
        public void close() {
        }
    }
}
