package io.textgan.spark;

import org.apache.spark.TaskContext;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For tests of recovery: fails the first attempt of one shard's discriminator task at one step, as a lost executor
 * would, so that Spark runs the task again.
 */
record FaultInjection(int step, int shard) implements Serializable {
    static final FaultInjection NONE = new FaultInjection(-1, -1);
    /** Failures injected in this JVM (a test in local mode reads it). */
    static final AtomicInteger INJECTED = new AtomicInteger();

    void beforeShard(int currentStep, ShardSpec spec, Phase phase) {
        TaskContext task = TaskContext.get();
        if (currentStep == step && spec.index() == shard && phase.discriminator() && task != null && task.attemptNumber() == 0) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure: step " + (step + 1) + ", shard " + shard + ", attempt 0");
        }
    }
}
