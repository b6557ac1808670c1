package io.textgan.spark;

import io.textgan.core.data.BatchPlan;
import io.textgan.core.train.GanGradients;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One worker's rows of a step's batch: shard {@code index}, starting at row {@code offset} of {@code total}. */
record ShardSpec(int index, int offset, int total, BatchPlan rows) implements Serializable {

    /** A batch plan cut into {@code workers} equal shards. */
    static List<ShardSpec> split(BatchPlan plan, int workers) {
        int n = plan.size();
        if (n % workers != 0) {
            throw new IllegalArgumentException("a batch of " + n + " does not split into " + workers + " equal shards");
        }
        int per = n / workers;
        List<ShardSpec> shards = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            shards.add(new ShardSpec(w, w * per, n, plan.rows(w * per, (w + 1) * per)));
        }
        return shards;
    }

    GanGradients.Shard shard() {
        return new GanGradients.Shard(index, offset, total);
    }

    /** This shard's share of the batch mean. */
    double weight() {
        return (double) rows.size() / total;
    }
}
