package io.textgan.cli.command;

import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.train.DataParallelTraining;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the data-parallel training of {@code gan train --spark}: the gan-spark module, with Spark on the class path. */
final class DataParallelBackends {
    static final String MISSING = "--spark needs the gan-spark module and Apache Spark on the class path: run ./gan (which adds "
            + "them for --spark) or spark-submit target/gan-spark-submit.jar (see the README, 'Training on Spark')";

    private DataParallelBackends() {
    }

    /**
     * @throws IllegalArgumentException with {@link #MISSING} when no backend, or not its Spark classes, can be loaded
     */
    static DataParallelTraining.Session connect(String name, String master, int workerBatchSize, DataRequest data) {
        try {
            for (DataParallelTraining backend : ServiceLoader.load(DataParallelTraining.class)) {
                if (backend.name().equals(name)) {
                    return backend.connect(master, workerBatchSize, data);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalArgumentException(MISSING, e);
        }
        throw new IllegalArgumentException(MISSING);
    }
}
