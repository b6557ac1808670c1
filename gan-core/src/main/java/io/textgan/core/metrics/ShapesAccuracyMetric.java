package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.train.ModelMetric;

import java.util.stream.DoubleStream;

/**
 * The mean of six figures of {@link ShapesEvaluation} on the held-out prompts, with a fixed seed so that epochs are
 * compared on the same prompts and noise: the five attribute accuracies (one image per prompt and phrasing) and the
 * spread of what partial prompts leave open ({@value #OPEN_SAMPLES} images each), so that the best epoch is not one
 * whose generator draws one image per caption.
 */
public final class ShapesAccuracyMetric implements ModelMetric {
    public static final String NAME = "shapes-accuracy";
    private static final int OPEN_SAMPLES = 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double measure(TextToImageModel model) {
        ShapesEvaluation.Report report = ShapesEvaluation.evaluate(model, 1, OPEN_SAMPLES, 1);
        return DoubleStream.concat(report.accuracy().values().stream().mapToDouble(Double::doubleValue),
                DoubleStream.of(report.open().meanEntropy())).average().orElseThrow();
    }
}
