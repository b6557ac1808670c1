package io.textgan.spark;

import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.train.DataParallelTraining;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.StepSource;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A Spark context that GAN steps run on: a local one in this JVM ({@code local[N]}), or the cluster of a master URL,
 * or the one spark-submit configured ({@code submit}). The global batch is split into {@code workers} shards of
 * {@code workerBatchSize} images.
 */
public final class SparkCluster implements DataParallelTraining.Session {
    /** The master that means "the one spark-submit gave". */
    public static final String SUBMITTED = "submit";
    private final JavaSparkContext spark;
    private final int workerBatchSize;
    private final DataRequest data;
    private final DataRequest driverData;
    private final FaultInjection fault;

    private SparkCluster(JavaSparkContext spark, int workerBatchSize, DataRequest data, FaultInjection fault) {
        this.spark = spark;
        this.workerBatchSize = workerBatchSize;
        this.data = data;
        this.fault = fault;
        try {
            this.driverData = HadoopData.local(data);
        } catch (IOException e) {
            spark.stop();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param workerBatchSize images per shard; 0: the batch divided by Spark's default parallelism
     * @throws IllegalArgumentException for a master Spark cannot use or a negative shard size
     */
    public static SparkCluster start(String master, int workerBatchSize, DataRequest data) {
        return start(master, workerBatchSize, data, FaultInjection.NONE);
    }

    static SparkCluster start(String master, int workerBatchSize, DataRequest data, FaultInjection fault) {
        if (workerBatchSize < 0) {
            throw new IllegalArgumentException("--worker-batch-size must not be negative: " + workerBatchSize);
        }
        SparkConf conf = new SparkConf().setAppName("gan train");
        if (SUBMITTED.equals(master)) {
            if (!conf.contains("spark.master")) {
                throw new IllegalArgumentException("--spark submit takes the master from spark-submit, which is not running this");
            }
        } else {
            conf.setMaster(master);
            if (master.startsWith("local") && !conf.contains("spark.driver.host")) {
                // a local session needs no network: not even a host name that resolves
                conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        try {
            return new SparkCluster(new JavaSparkContext(conf), workerBatchSize, data, fault);
        } catch (RuntimeException e) {
            if (e instanceof UncheckedIOException) {
                throw e;
            }
            throw new IllegalArgumentException("cannot start Spark with master '" + master + "': " + e.getMessage(), e);
        }
    }

    /** Shards per step for a global batch. */
    int workers(int batchSize) {
        int workers = workerBatchSize == 0 ? Math.max(1, spark.defaultParallelism()) : batchSize / workerBatchSize;
        if (workers < 1 || batchSize % workers != 0 || (workerBatchSize > 0 && workers * workerBatchSize != batchSize)) {
            throw new IllegalArgumentException(workerBatchSize > 0
                    ? "--batch-size " + batchSize + " is not a whole number of shards of --worker-batch-size " + workerBatchSize
                    : "--batch-size " + batchSize + " does not split evenly over Spark's " + workers + " workers: give --worker-batch-size");
        }
        return workers;
    }

    @Override
    public DataRequest driverData() {
        return driverData;
    }

    @Override
    public String describe(int batchSize) {
        int workers = workers(batchSize);
        return "Spark " + spark.version() + " master " + spark.master() + ": " + workers + " shards of " + batchSize / workers
                + " images per step of " + batchSize;
    }

    @Override
    public StepSource open(BatchSampler sampler, GanTrainer trainer) {
        return new SparkSteps(spark, trainer, sampler, workers(trainer.config().batchSize()), data, spark.isLocal(), fault);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
