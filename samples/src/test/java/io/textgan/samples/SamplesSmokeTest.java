package io.textgan.samples;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample programs run as a user would run them, on a tiny model. */
class SamplesSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void trainThenGenerate() throws Exception {
        Path run = tmp.resolve("run");
        ModelConfig model = new ModelConfig("dcgan", "gan-cls", "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
        TrainingConfig training = TrainingConfig.builder().epochs(1).maxSteps(3).batchSize(8).seed(1)
                .learningRateD(2e-4).encoderSteps(2).samplesPerPrompt(2).keepCheckpoints(1).divergenceRetries(0).build();
        assertEquals(3, TrainShapes.train(run, model, training, 32).steps());
        assertTrue(Files.exists(run.resolve("samples/epoch-0001.png")));
        Path png = tmp.resolve("red.png");
        GenerateFromRun.main(new String[]{run.toString(), "a big red circle in the center on a white background", png.toString(), "3"});
        assertEquals(16, ImageIO.read(png.toFile()).getWidth());
    }
}
