package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.ArrayFile;
import io.textgan.core.checkpoint.WeightFile;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.nn.Parameter;
import io.textgan.core.sample.SampleGrid;
import io.textgan.core.train.GeneratorAverage;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moving average of the generator: its arithmetic, that samples and checkpoints use it, and exact resume. */
class GeneratorAverageTest {
    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
    private static final TrainingConfig TRAINING = TrainingConfig.builder().epochs(2).batchSize(8).seed(3).encoderSteps(0).pretrainedFeatures(false).matchingWeight(0)
            .samplesPerPrompt(2).keepCheckpoints(2).divergenceRetries(0).emaDecay(0.9).build();
    private static final String PROMPT = "a red circle on a white background";

    @TempDir
    Path tmp;

    @Test
    void eachUpdateMovesTheAverageTowardTheTrainedWeightsWithAWarmedUpDecay() {
        TextToImageModel model = TextToImageModel.create(MODEL.withVocabularySize(4),
                new Vocabulary(List.of("<pad>", "<unk>", "red", "circle")), new Random(1));
        Parameter weight = model.generator().parameters().get(0);
        INDArray start = weight.value().dup();
        GeneratorAverage average = new GeneratorAverage(model, 0.5);
        INDArray averaged = average.model().generator().parameters().get(0).value();
        assertEquals(start, averaged);

        weight.value().addi(1.0);
        average.update(); // decay min(0.5, 1/10)
        assertTrue(start.add(0.9).equalsWithEps(averaged, 1e-6));
        weight.value().addi(1.0);
        average.update(); // decay min(0.5, 2/11)
        INDArray expected = start.add(0.9).muli(2.0 / 11).addi(start.add(2.0).muli(9.0 / 11));
        assertTrue(expected.equalsWithEps(averaged, 1e-6));
    }

    @Test
    void samplesAndCheckpointsDrawWithTheAverageAndResumeContinuesItExactly() throws Exception {
        Path whole = tmp.resolve("whole");
        train(whole, TRAINING, false);
        Path checkpoint = whole.resolve("checkpoints/epoch-0002");
        TextToImageModel averaged = TextToImageModel.load(checkpoint);
        TextToImageModel trained = TextToImageModel.load(checkpoint);
        WeightFile.readInto(checkpoint, "generator-trained", trained.generator().parameters());
        assertFalse(weights(averaged).equals(weights(trained)), "the average differs from the trained weights");

        INDArray noise = Nd4j.zeros(DataType.FLOAT, 2, MODEL.noiseSize());
        ArrayFile.readInto(whole.resolve("sample-noise.bin"), Map.of("noise", noise));
        List<String> prompts = List.of(PROMPT, PROMPT);
        BufferedImage grid = ImageIO.read(whole.resolve("samples/epoch-0002.png").toFile());
        assertTrue(samePixels(SampleGrid.render(averaged.generate(prompts, noise), 2), grid), "the grid is the average's");
        assertFalse(samePixels(SampleGrid.render(trained.generate(prompts, noise), 2), grid));

        Path split = tmp.resolve("split");
        train(split, TRAINING.withEpochs(1), false);
        train(split, TRAINING, true);
        TextToImageModel resumed = TextToImageModel.load(split.resolve("checkpoints/epoch-0002"));
        assertWeightsEqual(weights(averaged), weights(resumed));
    }

    private static void train(Path dir, TrainingConfig training, boolean resume) throws Exception {
        TrainingRun run = new TrainingRun(ShapesSource.training(32, 16, 7), null, MODEL, training, dir,
                List.of(PROMPT), List.of());
        if (resume) {
            run.resume();
        } else {
            run.run();
        }
    }

    private static Map<String, INDArray> weights(TextToImageModel model) {
        return ArrayFile.of(model.generator().parameters());
    }

    private static void assertWeightsEqual(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, value) -> assertTrue(value.equalsWithEps(actual.get(name), 1e-6), name));
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        return java.util.Arrays.equals(pa, pb);
    }
}
