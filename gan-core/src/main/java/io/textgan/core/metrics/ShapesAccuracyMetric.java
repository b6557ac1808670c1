package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.train.ModelMetric;

import java.util.LinkedHashMap;
import java.util.Map;

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
        return measureWithParts(model).value();
    }

    /** The mean, and its parts: each attribute's accuracy and the spread of the open prompts. */
    @Override
    public Measurement measureWithParts(TextToImageModel model) {
        ShapesEvaluation.Report report = ShapesEvaluation.evaluate(model, 1, OPEN_SAMPLES, 1);
        Map<String, Double> parts = new LinkedHashMap<>();
        report.accuracy().forEach((attribute, accuracy) -> parts.put(attribute + " accuracy", accuracy));
        parts.put("open-prompt spread", report.open().meanEntropy());
        return new Measurement(parts.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow(), parts);
    }
}
