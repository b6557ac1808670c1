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
 */
public final class BestCheckpointKeeper implements TrainingListener {
    public static final String BEST = "best";
    static final String RECORD = "best.json";
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
        double value = metric.measure(trainer.generationModel());
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
