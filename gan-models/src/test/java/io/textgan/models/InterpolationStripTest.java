package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.Network;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Init;
import io.textgan.core.sample.InterpolationStrip;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strips' end columns are the images generate draws for each end; what is held fixed is held fixed. */
class InterpolationStripTest {
    private static final String RED = "red circle";
    private static final String BLUE = "blue square";

    private final TextToImageModel model = TextToImageModel.create(
            new ModelConfig("dcgan", "gan-cls", "lstm", 8, 6, 8, 2, 2, 6, 4, 6, "mean", 6),
            new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "red", "circle", "blue", "square")), new Random(4));

    /** DCGAN's N(0, 0.02) weights leave an untrained generator's output almost independent of its inputs. */
    InterpolationStripTest() {
        Random rng = new Random(5);
        for (Network network : List.of(model.textEncoder(), model.generator())) {
            network.parameters().stream().filter(p -> p.name().endsWith("weight"))
                    .forEach(p -> p.value().assign(Init.normal(rng, 0.5, p.value().shape())));
        }
    }

    private INDArray generated(String prompt, long seed) {
        return model.generate(List.of(prompt), model.noise(1, new Random(seed)));
    }

    private static INDArray column(INDArray strip, int i) {
        return strip.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference < 1e-5, "largest difference " + difference);
    }

    private static void assertDiffer(INDArray a, INDArray b) {
        assertTrue(a.sub(b).amaxNumber().doubleValue() > 1e-4, "the images should differ");
    }

    @Test
    void textWalkGoesFromOnePromptsImageToTheOthersWithTheSameNoise() {
        INDArray strip = InterpolationStrip.textWalk(model, RED, BLUE, 5, 9);
        assertArrayEquals(new long[]{5, 3, 8, 8}, strip.shape());
        assertClose(generated(RED, 9), column(strip, 0));
        assertClose(generated(BLUE, 9), column(strip, 4));
        assertDiffer(column(strip, 0), column(strip, 2));
        assertDiffer(column(strip, 2), column(strip, 4));
    }

    @Test
    void noiseWalkGoesFromOneSeedsImageToTheNextsWithTheSamePrompt() {
        for (boolean spherical : new boolean[]{true, false}) {
            INDArray strip = InterpolationStrip.noiseWalk(model, RED, 4, 9, spherical);
            assertArrayEquals(new long[]{4, 3, 8, 8}, strip.shape());
            assertClose(generated(RED, 9), column(strip, 0));
            assertClose(generated(RED, 10), column(strip, 3));
            assertDiffer(column(strip, 0), column(strip, 1));
        }
        assertDiffer(column(InterpolationStrip.noiseWalk(model, RED, 4, 9, true), 1),
                column(InterpolationStrip.noiseWalk(model, RED, 4, 9, false), 1));
    }
}
