package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.train.ModelMetric;

/**
 * The mean of the five attribute accuracies of {@link ShapesEvaluation} on the held-out prompts, with two images
 * per prompt and a fixed seed, so that epochs are compared on the same prompts and noise.
 */
public final class ShapesAccuracyMetric implements ModelMetric {
    public static final String NAME = "shapes-accuracy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double measure(TextToImageModel model) {
        return ShapesEvaluation.evaluate(model, 2, 1).accuracy().values().stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
