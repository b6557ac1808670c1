package io.textgan.cli.command;

import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code gan train} measures while it trains ({@code --best-metric}, {@code --eval-every}, {@code --eval-images},
 * {@code --eval-encoder-steps}), kept in {@code RUN/training-evaluation.json} so that {@code --resume} goes on
 * measuring the same way unless told otherwise.
 */
record TrainingEvaluation(String bestMetric, int evalEvery, int evalImages, int evalEncoderSteps) {
    static final String FILE = "training-evaluation.json";

    static Path file(RunDirectory run) {
        return run.root().resolve(FILE);
    }

    /** The settings a run was started (or last resumed) with, or null for a run written before they were kept. */
    static TrainingEvaluation read(RunDirectory run) throws IOException {
        return Files.isRegularFile(file(run)) ? Json.read(file(run), TrainingEvaluation.class) : null;
    }

    void write(RunDirectory run) throws IOException {
        Json.write(file(run), this);
    }
}
