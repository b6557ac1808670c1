package io.textgan.samples;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.train.TrainingConfig;

/**
 * Trains on the built-in shapes with {@link Dl4jDcganGenerator}, the dcgan generator written with DL4J's layers:
 * {@code TrainDl4jDcgan [RUN_DIR [STEPS]]}.
 */
public final class TrainDl4jDcgan {
    public static void main(String[] args) throws Exception {
        TrainShapes.trainFromArguments(args, "runs/sample-dl4j-dcgan",
                ModelConfig.defaults(32).withGenerator(Dl4jDcganGenerator.NAME), TrainingConfig.defaults());
    }
}
