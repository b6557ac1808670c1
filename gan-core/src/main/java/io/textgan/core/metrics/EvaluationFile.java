package io.textgan.core.metrics;

import io.textgan.core.checkpoint.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code RUN/evaluation.json} holds: the latest {@code gan evaluate} of the run (its checkpoint, the shapes
 * attribute table on shapes runs, the local-feature figures) and the history that {@code gan train --eval-every}
 * appends to, one entry per evaluated epoch. Each writer keeps what the other wrote.
 *
 * @param checkpoint the checkpoint {@code gan evaluate} measured last, or null
 * @param shapes     its per-attribute accuracy (shapes runs only), or null
 * @param local      its local-feature figures, or null
 * @param history    the figures of the epochs evaluated during training, oldest first
 */
public record EvaluationFile(String checkpoint, ShapesEvaluation.Report shapes, DataEvaluation.Report local,
                             List<EpochEntry> history) {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationFile.class);

    public EvaluationFile {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The figures of one epoch, measured during training. */
    public record EpochEntry(int epoch, int step, DataEvaluation.Report local) {
    }

    /** The file's content, or an empty record where it is missing or not of this form (an older run's file). */
    public static EvaluationFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new EvaluationFile(null, null, null, List.of());
        }
        try {
            return Json.read(file, EvaluationFile.class);
        } catch (IOException e) {
            LOG.warn("{} is not of this version's form and will be replaced ({})", file, e.getMessage());
            return new EvaluationFile(null, null, null, List.of());
        }
    }

    /** This record with the latest evaluation replaced and the history kept. */
    public EvaluationFile withLatest(String checkpoint, ShapesEvaluation.Report shapes, DataEvaluation.Report local) {
        return new EvaluationFile(checkpoint, shapes, local, history);
    }

    /** This record with an epoch added to the history (replacing an entry of the same epoch, as after a resume). */
    public EvaluationFile withEntry(EpochEntry entry) {
        List<EpochEntry> entries = new ArrayList<>(history.stream().filter(e -> e.epoch() != entry.epoch()).toList());
        entries.add(entry);
        return new EvaluationFile(checkpoint, shapes, local, entries);
    }

    /** Writes the record whole or not at all ({@link Json#write}). */
    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
