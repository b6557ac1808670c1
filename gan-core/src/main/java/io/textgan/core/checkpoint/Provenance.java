package io.textgan.core.checkpoint;

import java.time.Instant;

/**
 * Where a checkpoint comes from, recorded in its manifest.
 *
 * @param projectVersion the version of this framework that wrote it ({@code development build} outside a jar)
 * @param data           the dataset's name as given to {@code --data}
 * @param dataSize       training items
 * @param seed           the run's seed
 * @param startedAt      when the training process that wrote it started (ISO-8601)
 */
public record Provenance(String projectVersion, String data, int dataSize, long seed, String startedAt) {

    /** Provenance for a training process starting now. */
    public static Provenance startingNow(String data, int dataSize, long seed) {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return new Provenance(version == null ? "development build" : version, data, dataSize, seed, Instant.now().toString());
    }
}
