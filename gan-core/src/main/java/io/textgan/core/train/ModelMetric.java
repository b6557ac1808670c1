package io.textgan.core.train;

import io.textgan.core.TextToImageModel;

/** A figure of a trained model's quality, higher is better, used to keep the best checkpoint of a run. */
public interface ModelMetric {

    /** Short name, as given to {@code --best-metric}. */
    String name();

    double measure(TextToImageModel model);
}
