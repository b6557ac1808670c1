package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingListener;
import io.textgan.core.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole tiny run: deterministic for a seed, and its checkpoint reproduces the trained model exactly. */
class TrainingRunTest {
    @TempDir
    Path tmp;

    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
    private static final TrainingConfig TRAINING = new TrainingConfig(2, 0, 8, 7, 2e-4, 2e-4, 0.5, 0.999, 3, 1e-3, "conv", 2, 2, 2, 0.9);

    private record Run(TrainingRun.Result result, List<double[]> losses, List<Double> encoderLosses) {
    }

    private Run train(String name) throws Exception {
        List<double[]> losses = new ArrayList<>();
        List<Double> encoderLosses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEncoderStep(int step, int steps, double loss, double accuracy) {
                encoderLosses.add(loss);
            }

            @Override
            public void onStep(StepReport r) {
                losses.add(new double[]{r.discriminatorLoss(), r.generatorLoss()});
            }
        };
        TrainingRun.Result result = new TrainingRun(ShapesSource.training(32, 16, 7), ShapesSource.heldOut(16, 16, 8),
                MODEL, TRAINING, tmp.resolve(name), List.of("a red circle on a white background"), List.of(recorder)).run();
        return new Run(result, losses, encoderLosses);
    }

    @Test
    void sameSeedSameLossesAndCheckpointReproducesTheModel() throws Exception {
        Run a = train("a");
        Run b = train("b");
        assertEquals(8, a.losses().size());
        assertEquals(3, a.encoderLosses().size());
        assertEquals(a.encoderLosses(), b.encoderLosses());
        for (int i = 0; i < a.losses().size(); i++) {
            assertEquals(a.losses().get(i)[0], b.losses().get(i)[0], 0.0, "D loss at step " + i);
            assertEquals(a.losses().get(i)[1], b.losses().get(i)[1], 0.0, "G loss at step " + i);
            assertTrue(Double.isFinite(a.losses().get(i)[0]) && Double.isFinite(a.losses().get(i)[1]));
        }
        assertTrue(Double.isFinite(a.result().heldOutRetrieval()));

        TextToImageModel loaded = TextToImageModel.load(a.result().checkpoint());
        List<String> prompts = List.of("a big red circle in the center on a white background", "small blue square, black background");
        INDArray noise = loaded.noise(2, new Random(1));
        assertEquals(a.result().model().generate(prompts, noise), loaded.generate(prompts, noise));
        assertEquals(a.result().model().vocabulary().words(), loaded.vocabulary().words());
    }
}
