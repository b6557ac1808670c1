package io.textgan.spark;

import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.train.DataParallelTraining;

/** The {@code spark} data-parallel training of {@code gan train --spark MASTER} (found with ServiceLoader). */
public final class SparkTraining implements DataParallelTraining {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session connect(String master, int workerBatchSize, DataRequest data) {
        return SparkCluster.start(master, workerBatchSize, data);
    }
}
