package io.textgan.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real executor process killed mid-step: Spark's {@code local-cluster[2,1,1024]} runs a master and two workers in
 * this JVM and each executor in a JVM of its own (CoarseGrainedExecutorBackend). At step 3 the executor that runs
 * shard 1's discriminator task is killed (SIGKILL) while the task runs; Spark runs the task again on the other
 * executor (the standalone master also starts a new one), and the run's losses and checkpoints are those of the same
 * run without the kill.
 * <p>
 * Workers start executors from {@code SPARK_HOME}, which the build sets for the test JVM (surefire's
 * environmentVariables: {@code target/spark-home}, its {@code jars} folder empty); the executors get this JVM's class
 * path. Skipped when {@code SPARK_HOME} is not set (a test run outside Maven).
 */
class SparkExecutorLossTest {
    @TempDir
    Path tmp;

    private Path train(String name, FaultInjection fault) throws IOException {
        // SparkConf reads spark.* system properties: the executors' class path, ND4J build and memory
        Map<String, String> executorConf = new LinkedHashMap<>();
        executorConf.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        executorConf.put("spark.executor.extraJavaOptions", "-Dorg.bytedeco.javacpp.maxbytes=2g -Djava.awt.headless=true"
                + " -Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        executorConf.put("spark.executor.memory", "1g");
        executorConf.forEach(System::setProperty);
        try {
            return RecoveryRuns.train(tmp, name, "local-cluster[2,1,1024]", fault);
        } finally {
            executorConf.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void anExecutorKilledMidStepIsReplacedAndTheLossesAreThoseOfAnUninterruptedRun() throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        assumeTrue(sparkHome != null && !sparkHome.isEmpty(), "SPARK_HOME is not set: local-cluster cannot start executors");
        Files.createDirectories(Path.of(sparkHome, "jars"));

        Path marker = tmp.resolve("executor-to-kill.pid");
        AtomicLong killed = new AtomicLong(-1);
        Thread killer = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + 300_000_000_000L;
                while (!Files.exists(marker) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (!Files.exists(marker)) {
                    return;
                }
                long pid = Long.parseLong(Files.readString(marker).trim());
                // only a process this JVM started: the executor JVMs are children of the test JVM
                ProcessHandle.current().descendants().filter(p -> p.pid() == pid).findFirst().ifPresent(p -> {
                    if (p.destroyForcibly()) {
                        killed.set(pid);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "executor-killer");
        killer.setDaemon(true);

        Path clean = train("clean", FaultInjection.NONE);
        killer.start();
        Path lost = train("lost", FaultInjection.killExecutor(2, 1, marker));
        killer.join(10_000);

        assertTrue(killed.get() > 0, "an executor JVM was killed mid-task");
        assertFalse(ProcessHandle.of(killed.get()).map(ProcessHandle::isAlive).orElse(false), "the killed executor is gone");
        RecoveryRuns.assertSameAsUninterrupted(clean, lost);
    }
}
