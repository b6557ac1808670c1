package io.textgan.samples;

import io.textgan.core.NativeBuild;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;

import java.nio.file.Path;
import java.util.List;

/** Trains GAN-CLS on the built-in shapes from Java: {@code TrainShapes [RUN_DIR [STEPS]]}. */
public final class TrainShapes {
    public static void main(String[] args) throws Exception {
        trainFromArguments(args, "runs/sample-shapes", ModelConfig.defaults(32), TrainingConfig.defaults());
    }

    /** What the sample programs share: {@code [RUN_DIR [STEPS]]} (default 1000 steps) on 8192 shapes. */
    static TrainingRun.Result trainFromArguments(String[] args, String defaultRun, ModelConfig model,
                                                 TrainingConfig training) throws Exception {
        NativeBuild.select();
        Path run = Path.of(args.length > 0 ? args[0] : defaultRun);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        return train(run, model, training.withMaxSteps(steps), 8192);
    }

    static TrainingRun.Result train(Path run, ModelConfig model, TrainingConfig training, int items) throws Exception {
        int side = model.imageSize();
        List<String> prompts = List.of("a big red circle in the center on a white background",
                "a small blue square in the top left on a black background");
        TrainingRun.Result result = new TrainingRun(ShapesSource.training(items, side, training.seed()),
                ShapesSource.heldOut(256, side, training.seed() + 1), model, training, run, prompts, List.of()).run();
        System.out.printf("%d steps; model saved in %s%n", result.steps(), result.checkpoint());
        return result;
    }
}
