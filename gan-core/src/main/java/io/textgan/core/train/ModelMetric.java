package io.textgan.core.train;

import io.textgan.core.TextToImageModel;

import java.util.Map;

/** A figure of a trained model's quality, higher is better, used to keep the best checkpoint of a run. */
public interface ModelMetric {

    /** Short name, as given to {@code --best-metric}. */
    String name();

    double measure(TextToImageModel model);

    /** The figure with the parts it is made of, by name (none by default), for the run's record of each epoch. */
    default Measurement measureWithParts(TextToImageModel model) {
        return new Measurement(measure(model), Map.of());
    }

    /**
     * The figure of the run's model after {@code step} GAN steps; a metric that shares its measurement with other
     * listeners of the same step overrides this (by default, {@link #measureWithParts(TextToImageModel)}).
     */
    default Measurement measureWithParts(TextToImageModel model, int step) {
        return measureWithParts(model);
    }

    /** A figure and its parts by name, in their order. */
    record Measurement(double value, Map<String, Double> parts) {
        public Measurement {
            parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
        }
    }
}
