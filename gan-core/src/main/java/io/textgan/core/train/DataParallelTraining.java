package io.textgan.core.train;

import io.textgan.core.data.loaders.DataRequest;

/**
 * Synchronous data-parallel GAN training on a cluster framework, found with {@link java.util.ServiceLoader}: the
 * {@code gan-spark} module provides {@code spark} ({@code gan train --spark MASTER}).
 */
public interface DataParallelTraining {

    /** The framework's name, e.g. {@code spark}. */
    String name();

    /**
     * Connects to the cluster at {@code master}.
     *
     * @param workerBatchSize images of each worker's shard of a step; 0: the global batch divided by the cluster's
     *                        default parallelism
     * @param data            the training data as given (workers read it themselves)
     * @throws IllegalArgumentException for a master or data the framework refuses
     */
    Session connect(String master, int workerBatchSize, DataRequest data);

    /** A connection: where steps run, until closed. */
    interface Session extends StepSource.Factory, AutoCloseable {

        /** The data request the driver reads (a copy in this machine's file system of data the cluster keeps elsewhere). */
        DataRequest driverData();

        /** A line for the log: the master, workers and shard size. */
        String describe(int batchSize);

        @Override
        void close();
    }
}
