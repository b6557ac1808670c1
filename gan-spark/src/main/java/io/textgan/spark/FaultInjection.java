package io.textgan.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For tests of recovery, at one step, one shard's discriminator task, first attempt only: either the attempt fails
 * (an exception, as a task on a lost executor fails), or, with {@code killMarker}, the executor that runs it writes its
 * process id to that file and waits mid-task to be killed from outside (a real lost executor: the test kills the JVM).
 * Either way Spark runs the task again. Or, with {@code delayMillis}, every task of the shard at the step (both jobs,
 * every attempt) waits that long before it computes, so that it finishes after the other shards' (a straggler).
 */
record FaultInjection(int step, int shard, String killMarker, long delayMillis) implements Serializable {
    static final FaultInjection NONE = new FaultInjection(-1, -1);
    /** Failures injected in this JVM (a test in local mode reads it). */
    static final AtomicInteger INJECTED = new AtomicInteger();
    /** How long a task waits to be killed before it gives up and fails (the test then fails: nobody killed it). */
    private static final long KILL_WAIT_MS = 120_000;

    FaultInjection(int step, int shard) {
        this(step, shard, null, 0);
    }

    /** The executor running the first attempt of the shard's discriminator task at the step waits to be killed. */
    static FaultInjection killExecutor(int step, int shard, Path marker) {
        return new FaultInjection(step, shard, marker.toAbsolutePath().toString(), 0);
    }

    /** The shard's tasks at the step start {@code millis} late (and finish last). */
    static FaultInjection delay(int step, int shard, long millis) {
        return new FaultInjection(step, shard, null, millis);
    }

    void beforeShard(int currentStep, ShardSpec spec, Phase phase) {
        if (currentStep != step || spec.index() != shard) {
            return;
        }
        if (delayMillis > 0) {
            sleep(delayMillis);
            return;
        }
        TaskContext task = TaskContext.get();
        if (!phase.discriminator() || task == null || task.attemptNumber() != 0) {
            return;
        }
        if (killMarker == null) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure: step " + (step + 1) + ", shard " + shard + ", attempt 0");
        }
        waitToBeKilled();
    }

    private void waitToBeKilled() {
        String executor = SparkEnv.get() == null ? "driver" : SparkEnv.get().executorId();
        if ("driver".equals(executor)) {
            // in local mode the task runs in the driver's JVM, which must not be killed
            throw new IllegalStateException("a killed executor needs executor processes (local-cluster or a cluster)");
        }
        try {
            Path marker = Path.of(killMarker);
            Path written = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(written, Long.toString(ProcessHandle.current().pid()));
            Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sleep(KILL_WAIT_MS);
        throw new IllegalStateException("executor " + executor + " was not killed within " + KILL_WAIT_MS + " ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
