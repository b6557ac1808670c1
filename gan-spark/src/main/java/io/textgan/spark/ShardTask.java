package io.textgan.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/** The task of one shard in a step's job: a replica of this executor computes the shard's weighted gradient. */
final class ShardTask implements Function<ShardSpec, ShardResult> {
    private final Broadcast<WorkerSetup> setup;
    private final Broadcast<StepWeights> weights;
    private final Phase phase;
    private final int step;

    ShardTask(Broadcast<WorkerSetup> setup, Broadcast<StepWeights> weights, Phase phase, int step) {
        this.setup = setup;
        this.weights = weights;
        this.phase = phase;
        this.step = step;
    }

    @Override
    public ShardResult call(ShardSpec spec) {
        WorkerSetup s = setup.value();
        s.fault().beforeShard(step, spec, phase);
        Replica replica = Replicas.borrow(s);
        try {
            return replica.compute(weights.value(), spec, phase, step);
        } finally {
            Replicas.giveBack(s, replica);
        }
    }
}
