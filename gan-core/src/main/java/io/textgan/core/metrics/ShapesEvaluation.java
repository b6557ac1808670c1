package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapeCaptions;
import io.textgan.core.data.shapes.ShapesSplit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Does a model draw what held-out prompts say? For every held-out shapes combination (never seen in training), a
 * prompt in a random phrasing, {@code k} images, and each attribute measured by {@link ShapesAttributeChecker}.
 */
public final class ShapesEvaluation {
    private ShapesEvaluation() {
    }

    /**
     * @param prompts    held-out prompts evaluated
     * @param accuracy   attribute name → fraction of images where the measured value equals the prompt's
     * @param allCorrect fraction of images with all five attributes right
     */
    public record Report(int prompts, int images, Map<String, Double> accuracy, double allCorrect) {
    }

    public static Report evaluate(TextToImageModel model, int imagesPerPrompt, long seed) {
        List<ShapeAttributes> heldOut = ShapesSplit.heldOut();
        Random rng = new Random(seed);
        int[] correct = new int[5];
        int allCorrect = 0;
        int images = 0;
        for (ShapeAttributes target : heldOut) {
            String prompt = ShapeCaptions.caption(target, rng);
            INDArray noise = model.noise(imagesPerPrompt, rng);
            INDArray generated = model.generate(java.util.Collections.nCopies(imagesPerPrompt, prompt), noise);
            for (int i = 0; i < imagesPerPrompt; i++) {
                ShapesAttributeChecker.Measurement m = ShapesAttributeChecker.measure(ImageArrays.toImage(generated, i));
                boolean[] hits = {
                        target.background() == m.background(),
                        target.color() == m.color(),
                        target.shape() == m.shape(),
                        target.size() == m.size(),
                        target.position() == m.position()};
                boolean all = true;
                for (int a = 0; a < hits.length; a++) {
                    correct[a] += hits[a] ? 1 : 0;
                    all &= hits[a];
                }
                allCorrect += all ? 1 : 0;
                images++;
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        String[] names = {"background", "colour", "shape", "size", "position"};
        for (int a = 0; a < names.length; a++) {
            accuracy.put(names[a], (double) correct[a] / images);
        }
        return new Report(heldOut.size(), images, accuracy, (double) allCorrect / images);
    }
}
