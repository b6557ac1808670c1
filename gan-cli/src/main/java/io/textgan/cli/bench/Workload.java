package io.textgan.cli.bench;

/** A named, repeatable unit of work whose speed {@code gan bench} measures. */
interface Workload {

    String name();

    /** Images one step processes (its batch). */
    int imagesPerStep();

    /** Multiply-adds of one step, counted from the networks' layers. */
    long multiplyAddsPerStep();

    /** Runs one step, attributing its time to phases. */
    void step(PhaseTimer timer);
}
