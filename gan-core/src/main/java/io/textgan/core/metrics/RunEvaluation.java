package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.loaders.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@link DataEvaluation} of one run's data, prepared on first use: its encoders read the run's vocabulary, which
 * exists only once training has built it. Shared by the periodic evaluation and the best-checkpoint metrics of a
 * training run, so that both use one set of encoders and one measurement per epoch.
 */
public final class RunEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvaluation.class);
    private final Dataset dataset;
    private final DataOptions dataOptions;
    private final Path cacheDirectory;
    private final int encoderSteps;
    private final DataEvaluation.Options options;
    private DataEvaluation evaluation;
    private int measuredStep = -1;
    private DataEvaluation.Report measured;

    /**
     * @param dataset        the run's data: encoders train on its training split, real images come from its held-out
     *                       split (from its training items where it has none)
     * @param dataOptions    how the data was read
     * @param cacheDirectory where the evaluation encoders are kept
     * @param encoderSteps   training steps of the evaluation encoders
     */
    public RunEvaluation(Dataset dataset, DataOptions dataOptions, Path cacheDirectory, int encoderSteps, DataEvaluation.Options options) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.dataOptions = Objects.requireNonNull(dataOptions, "dataOptions");
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        this.encoderSteps = encoderSteps;
        this.options = Objects.requireNonNull(options, "options");
        if (encoderSteps <= 0) {
            throw new IllegalArgumentException("evaluation encoder steps must be positive: " + encoderSteps);
        }
    }

    /** The evaluation for a model of the run, built (encoders loaded or trained, real side measured) the first time. */
    public synchronized DataEvaluation prepare(TextToImageModel model) throws IOException {
        if (evaluation == null) {
            EvaluationEncoders.Spec spec = new EvaluationEncoders.Spec(dataset.training().name(), dataset.training().size(),
                    dataOptions, model.config(), model.vocabulary(), encoderSteps, EvaluationEncoders.DEFAULT_SEED);
            EvaluationEncoders encoders = EvaluationEncoders.loadOrTrain(cacheDirectory, spec, dataset.training());
            boolean heldOut = dataset.heldOut() != null && dataset.heldOut().size() >= 4;
            evaluation = new DataEvaluation(heldOut ? dataset.heldOut() : dataset.training(), heldOut, encoders, options);
        }
        return evaluation;
    }

    /** Measures a model of the run. */
    public DataEvaluation.Report evaluate(TextToImageModel model) throws IOException {
        return prepare(model).evaluate(model);
    }

    /**
     * Measures the run's model after {@code step} GAN steps, once: a second call for the same step (the periodic
     * evaluation and the best-checkpoint metric at one epoch's end) returns the first call's report.
     */
    public synchronized DataEvaluation.Report evaluateAt(int step, TextToImageModel model) throws IOException {
        if (step != measuredStep || measured == null) {
            long start = System.nanoTime();
            measured = evaluate(model);
            measuredStep = step;
            LOG.info("step {}: evaluated in {} s", step, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        }
        return measured;
    }
}
