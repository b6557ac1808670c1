package io.textgan.samples;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.train.TrainingConfig;

/**
 * Trains on the built-in shapes with the plug-in generator {@link UpsampleConvGenerator}, found by its name like any
 * registered network: {@code TrainUpsampleConv [RUN_DIR [STEPS]]}.
 */
public final class TrainUpsampleConv {
    public static void main(String[] args) throws Exception {
        TrainShapes.trainFromArguments(args, "runs/sample-upsample-conv",
                ModelConfig.defaults(32).withGenerator(UpsampleConvGenerator.NAME), TrainingConfig.defaults());
    }
}
