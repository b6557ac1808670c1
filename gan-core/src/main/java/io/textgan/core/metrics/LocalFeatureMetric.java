package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.train.ModelMetric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A {@link DataEvaluation} figure as a best-checkpoint metric, on any data: {@code fd} is the negated local Fréchet
 * distance (a {@link ModelMetric} is higher-is-better, the distance lower-is-better), {@code r-precision} the
 * R-precision of generated images.
 */
public final class LocalFeatureMetric implements ModelMetric {
    public static final String FD = "fd";
    public static final String R_PRECISION = "r-precision";
    /** The names {@link #named} accepts. */
    public static final List<String> NAMES = List.of(FD, R_PRECISION);

    private final String name;
    private final RunEvaluation evaluation;
    private final ToDoubleFunction<DataEvaluation.Report> figure;

    private LocalFeatureMetric(String name, RunEvaluation evaluation, ToDoubleFunction<DataEvaluation.Report> figure) {
        this.name = name;
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.figure = figure;
    }

    /** The metric of that name ({@value #FD} or {@value #R_PRECISION}). */
    public static LocalFeatureMetric named(String name, RunEvaluation evaluation) {
        return switch (name) {
            case FD -> new LocalFeatureMetric(FD, evaluation, r -> -r.fdLocal().generated());
            case R_PRECISION -> new LocalFeatureMetric(R_PRECISION, evaluation, r -> r.rPrecision().generated());
            default -> throw new IllegalArgumentException("unknown local-feature metric '" + name + "': use " + String.join(" or ", NAMES));
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double measure(TextToImageModel model) {
        try {
            return figure.applyAsDouble(evaluation.evaluate(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figure from the run's one evaluation at {@code step}, shared with {@link PeriodicEvaluation}. */
    @Override
    public Measurement measureWithParts(TextToImageModel model, int step) {
        try {
            return new Measurement(figure.applyAsDouble(evaluation.evaluateAt(step, model)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
