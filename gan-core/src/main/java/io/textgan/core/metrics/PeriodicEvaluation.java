package io.textgan.core.metrics;

import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Every {@code every} epochs, measures the generation model with a {@link RunEvaluation}, logs the figures and appends
 * them to the history of {@code RUN/evaluation.json}.
 */
public final class PeriodicEvaluation implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicEvaluation.class);

    private final RunEvaluation evaluation;
    private final int every;
    private final Path file;

    public PeriodicEvaluation(RunEvaluation evaluation, int every, Path evaluationFile) {
        if (every <= 0) {
            throw new IllegalArgumentException("the evaluation interval must be positive: " + every);
        }
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.every = every;
        this.file = Objects.requireNonNull(evaluationFile, "evaluationFile");
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) throws IOException {
        if (epoch % every != 0) {
            return;
        }
        DataEvaluation.Report report = evaluation.evaluateAt(trainer.step(), trainer.generationModel());
        LOG.info("epoch {} evaluation:", epoch);
        report.lines().forEach(line -> LOG.info("  {}", line));
        EvaluationFile.read(file).withEntry(new EvaluationFile.EpochEntry(epoch, trainer.step(), report)).write(file);
    }
}
