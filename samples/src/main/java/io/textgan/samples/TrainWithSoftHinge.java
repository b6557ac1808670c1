package io.textgan.samples;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.train.TrainingConfig;

/**
 * Trains on the built-in shapes with the plug-in loss {@link SoftHingeLoss}, found by its name like the built-in
 * losses: {@code TrainWithSoftHinge [RUN_DIR [STEPS]]}.
 */
public final class TrainWithSoftHinge {
    public static void main(String[] args) throws Exception {
        TrainShapes.trainFromArguments(args, "runs/sample-soft-hinge", ModelConfig.defaults(32),
                TrainingConfig.builder().loss(SoftHingeLoss.NAME).build());
    }
}
