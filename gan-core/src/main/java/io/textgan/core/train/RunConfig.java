package io.textgan.core.train;

import io.textgan.core.api.ModelConfig;

/** What {@code RUN/config.json} records: the model, how it was trained, and on what data. */
public record RunConfig(ModelConfig model, TrainingConfig training, String data, int dataSize) {
}
