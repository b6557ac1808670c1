package io.textgan.core.checkpoint;

import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.ModelMetric;
import io.textgan.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * After each epoch's checkpoint, measures the model with a {@link ModelMetric} and, when it beats every earlier epoch
 * of the run, copies that checkpoint to {@code checkpoints/best} (with {@code best.json} saying which epoch and what
 * value). The previous best is moved aside, the new one moved in, then the previous one deleted: a kill at any moment
 * leaves a complete best checkpoint that {@code --checkpoint best} finds ({@link RunDirectory#checkpoint}). Pruning of old checkpoints never touches it.
 * Each epoch's figure and its parts are appended to {@code RUN/metrics.csv} ({@value #METRICS_HEADER}; a part is
 * named {@code metric/part}), for the run's report.
 */
public final class BestCheckpointKeeper implements TrainingListener {
    public static final String BEST = "best";
    static final String RECORD = "best.json";
    public static final String METRICS_HEADER = "epoch,step,figure,value";
    private static final Logger LOG = LoggerFactory.getLogger(BestCheckpointKeeper.class);

    private final RunDirectory run;
    private final ModelMetric metric;

    /** The best checkpoint so far: its metric's name and value, and the checkpoint it copies. */
    public record Record(String metric, double value, int epoch, String checkpoint) {
    }

    public BestCheckpointKeeper(RunDirectory run, ModelMetric metric) {
        this.run = run;
        this.metric = metric;
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) throws IOException {
        ModelMetric.Measurement measurement = metric.measureWithParts(trainer.generationModel(), trainer.step());
        double value = measurement.value();
        record(epoch, trainer.step(), measurement);
        Path best = run.checkpoints().resolve(BEST);
        finishInterruptedSwap(best);
        Path record = best.resolve(RECORD);
        Record previous = Files.isRegularFile(record) ? Json.read(record, Record.class) : null;
        boolean better = previous == null || !previous.metric().equals(metric.name()) || value > previous.value();
        LOG.info("epoch {}: {} {}{}", epoch, metric.name(), String.format(Locale.ROOT, "%.4f", value),
                better ? " (best so far)" : "");
        if (!better) {
            return;
        }
        Path source = run.latestCheckpoint();
        Path tmp = Files.createTempDirectory(run.checkpoints(), ".tmp-best-");
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
                CheckpointWriter.sync(tmp.resolve(f.getFileName()));
            }
        }
        Json.write(tmp.resolve(RECORD), new Record(metric.name(), value, epoch, source.getFileName().toString()));
        Path previousBest = run.previousBest();
        if (Files.exists(best)) {
            Files.move(best, previousBest, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, best, StandardCopyOption.ATOMIC_MOVE);
        CheckpointWriter.deleteRecursively(previousBest);
    }

    private void record(int epoch, int step, ModelMetric.Measurement measurement) throws IOException {
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(run.metrics())) {
            lines.append(METRICS_HEADER).append(System.lineSeparator());
        }
        lines.append(String.format(Locale.ROOT, "%d,%d,%s,%.6g%n", epoch, step, metric.name(), measurement.value()));
        measurement.parts().forEach((part, v) -> lines.append(String.format(Locale.ROOT, "%d,%d,%s/%s,%.6g%n", epoch, step,
                metric.name(), part.replace(',', ' '), v)));
        Files.writeString(run.metrics(), lines, java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * After a kill inside the swap: puts the previous best back if the new one never arrived, or removes what is left
     * of it if the new one did.
     */
    private void finishInterruptedSwap(Path best) throws IOException {
        Path previousBest = run.previousBest();
        if (!Files.exists(previousBest)) {
            return;
        }
        if (Files.exists(best)) {
            CheckpointWriter.deleteRecursively(previousBest);
        } else {
            Files.move(previousBest, best, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
