package io.textgan.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The replicas of this JVM (an executor, or the driver's own in local mode), one per concurrently running task, kept
 * between steps so that a step does not build networks. Only the newest training session's are kept.
 */
final class Replicas {
    private static final Map<String, Queue<Replica>> POOLS = new ConcurrentHashMap<>();

    private Replicas() {
    }

    static Replica borrow(WorkerSetup setup) {
        POOLS.keySet().removeIf(id -> !id.equals(setup.id()));
        Replica replica = POOLS.computeIfAbsent(setup.id(), id -> new ConcurrentLinkedQueue<>()).poll();
        return replica != null ? replica : Replica.create(setup);
    }

    static void giveBack(WorkerSetup setup, Replica replica) {
        POOLS.computeIfAbsent(setup.id(), id -> new ConcurrentLinkedQueue<>()).add(replica);
    }

    /** Forgets a finished session's replicas (in this JVM). */
    static void release(String setupId) {
        POOLS.remove(setupId);
    }
}
