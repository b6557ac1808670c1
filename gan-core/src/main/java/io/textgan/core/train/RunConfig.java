package io.textgan.core.train;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.DataOptions;

/**
 * What {@code RUN/config.json} records: the model, how it was trained, on what data ({@code shapes} or the absolute
 * path of the data) and how many training items it had, and how that data was read. Runs written before
 * {@code dataOptions} existed read back with the defaults.
 */
public record RunConfig(ModelConfig model, TrainingConfig training, String data, int dataSize, DataOptions dataOptions) {

    public RunConfig {
        dataOptions = dataOptions == null ? DataOptions.defaults() : dataOptions;
    }
}
