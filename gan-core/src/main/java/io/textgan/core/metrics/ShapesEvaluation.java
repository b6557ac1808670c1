package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.shapes.ShapeAttribute;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapeCaptions;
import io.textgan.core.data.shapes.ShapesSplit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Does a model draw what held-out prompts say, and does it vary what they leave open? Every held-out shapes
 * combination (never seen in training) is prompted in every phrasing of the training captions and in word orders
 * training never uses, {@code k} images each, every attribute measured by {@link ShapesAttributeChecker}. Then each
 * combination once more as a partial prompt ("a red circle", "a small green triangle on black"), with many noise
 * vectors: how evenly the images spread over the values of each attribute the prompt leaves open (normalised entropy,
 * 1 = evenly over all values, 0 = always the same), and how often they show the attributes it names.
 */
public final class ShapesEvaluation {
    private static final List<ShapeAttribute> ATTRIBUTES = List.of(ShapeAttribute.values());

    private ShapesEvaluation() {
    }

    /**
     * @param prompts         held-out combinations evaluated
     * @param images          images of fully specified prompts measured
     * @param accuracy        attribute name → fraction of those images where the measured value equals the prompt's
     * @param allCorrect      fraction of those images with all five attributes right
     * @param allCorrectByPhrasing "phrasing N" (the training captions' phrasings) and "reordered N" (word orders never
     *                        trained on) → fraction of that phrasing's images with all five right
     * @param open            the partial prompts' figures, or null when not measured
     */
    public record Report(int prompts, int images, Map<String, Double> accuracy, double allCorrect,
                         Map<String, Double> allCorrectByPhrasing, OpenAttributes open) {
    }

    /**
     * @param prompts        partial prompts, one per held-out combination
     * @param imagesPerPrompt noise vectors drawn for each
     * @param entropy        open attribute name → mean normalised entropy of its measured values over the prompts that
     *                       leave it open (images with no object found are left out of the counts)
     * @param meanEntropy    mean of the entropies above, weighted by how many prompts leave each open
     * @param namedAccuracy  named attribute name → fraction of images showing it as the prompt says
     */
    public record OpenAttributes(int prompts, int imagesPerPrompt, Map<String, Double> entropy, double meanEntropy,
                                 Map<String, Double> namedAccuracy) {
    }

    /**
     * @param imagesPerPrompt images per held-out prompt and phrasing
     * @param openSamples     images per partial prompt (0: skip the partial prompts)
     */
    public static Report evaluate(TextToImageModel model, int imagesPerPrompt, int openSamples, long seed) {
        Random rng = new Random(seed);
        int[] correct = new int[ATTRIBUTES.size()];
        int allCorrect = 0;
        int images = 0;
        Map<String, Double> byPhrasing = new LinkedHashMap<>();
        int phrasings = ShapeCaptions.phrasingCount() + ShapeCaptions.reorderingCount();
        for (int p = 0; p < phrasings; p++) {
            int phrasingCorrect = 0;
            Generation generation = new Generation(model);
            for (ShapeAttributes target : ShapesSplit.heldOut()) {
                String prompt = p < ShapeCaptions.phrasingCount()
                        ? ShapeCaptions.caption(target, p, rng)
                        : ShapeCaptions.reorderedCaption(target, p - ShapeCaptions.phrasingCount(), rng);
                generation.add(prompt, imagesPerPrompt, rng);
            }
            Iterator<List<ShapesAttributeChecker.Measurement>> measured = generation.measure().iterator();
            for (ShapeAttributes target : ShapesSplit.heldOut()) {
                for (ShapesAttributeChecker.Measurement m : measured.next()) {
                    boolean all = true;
                    for (int a = 0; a < ATTRIBUTES.size(); a++) {
                        boolean hit = ATTRIBUTES.get(a).of(target) == m.value(ATTRIBUTES.get(a));
                        correct[a] += hit ? 1 : 0;
                        all &= hit;
                    }
                    allCorrect += all ? 1 : 0;
                    phrasingCorrect += all ? 1 : 0;
                    images++;
                }
            }
            String name = p < ShapeCaptions.phrasingCount() ? "phrasing " + p : "reordered " + (p - ShapeCaptions.phrasingCount());
            byPhrasing.put(name, (double) phrasingCorrect / (ShapesSplit.heldOut().size() * imagesPerPrompt));
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (int a = 0; a < ATTRIBUTES.size(); a++) {
            accuracy.put(ATTRIBUTES.get(a).label(), (double) correct[a] / images);
        }
        OpenAttributes open = openSamples > 0 ? open(model, openSamples, rng) : null;
        return new Report(ShapesSplit.heldOut().size(), images, accuracy, (double) allCorrect / images, byPhrasing, open);
    }

    private static OpenAttributes open(TextToImageModel model, int samples, Random rng) {
        Map<ShapeAttribute, double[]> entropy = new EnumMap<>(ShapeAttribute.class);   // {sum, prompts}
        Map<ShapeAttribute, int[]> named = new EnumMap<>(ShapeAttribute.class);        // {hits, images}
        Generation generation = new Generation(model);
        List<Set<ShapeAttribute>> said = new ArrayList<>();
        for (ShapeAttributes target : ShapesSplit.heldOut()) {
            Set<ShapeAttribute> says = ShapeCaptions.randomNamedSet(rng);
            said.add(says);
            generation.add(ShapeCaptions.partialCaption(target, says, rng), samples, rng);
        }
        Iterator<List<ShapesAttributeChecker.Measurement>> byPrompt = generation.measure().iterator();
        Iterator<Set<ShapeAttribute>> saying = said.iterator();
        for (ShapeAttributes target : ShapesSplit.heldOut()) {
            Set<ShapeAttribute> says = saying.next();
            List<ShapesAttributeChecker.Measurement> measured = byPrompt.next();
            for (ShapeAttribute a : ATTRIBUTES) {
                if (says.contains(a)) {
                    int[] n = named.computeIfAbsent(a, k -> new int[2]);
                    for (ShapesAttributeChecker.Measurement m : measured) {
                        n[0] += a.of(target) == m.value(a) ? 1 : 0;
                        n[1]++;
                    }
                } else {
                    double[] e = entropy.computeIfAbsent(a, k -> new double[2]);
                    e[0] += normalisedEntropy(measured, a);
                    e[1]++;
                }
            }
        }
        Map<String, Double> entropies = new LinkedHashMap<>();
        double sum = 0;
        double count = 0;
        for (var e : entropy.entrySet()) {
            entropies.put(e.getKey().label(), e.getValue()[0] / e.getValue()[1]);
            sum += e.getValue()[0];
            count += e.getValue()[1];
        }
        Map<String, Double> namedAccuracy = new LinkedHashMap<>();
        named.forEach((a, n) -> namedAccuracy.put(a.label(), (double) n[0] / n[1]));
        return new OpenAttributes(ShapesSplit.heldOut().size(), samples, entropies, sum / count, namedAccuracy);
    }

    /** Entropy of the measured values of {@code a} over the images where it was measured, over log(its value count). */
    static double normalisedEntropy(List<ShapesAttributeChecker.Measurement> measured, ShapeAttribute a) {
        Map<Object, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (ShapesAttributeChecker.Measurement m : measured) {
            Object v = m.value(a);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
                total++;
            }
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / total;
            h -= p * Math.log(p);
        }
        return total == 0 ? 0 : h / Math.log(a.valueCount());
    }

    /**
     * Prompts, each with its images' noise drawn when it is added (so the draws interleave with the prompts' as they
     * are added), generated together in batches of up to {@value #BATCH} images and measured.
     */
    private static final class Generation {
        private static final int BATCH = 512;
        private final TextToImageModel model;
        private final List<String> prompts = new ArrayList<>();
        private final List<INDArray> noise = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();

        Generation(TextToImageModel model) {
            this.model = model;
        }

        void add(String prompt, int n, Random rng) {
            prompts.addAll(Collections.nCopies(n, prompt));
            noise.add(model.noise(n, rng));
            counts.add(n);
        }

        /** The measurements of each added prompt's images, in the order added. */
        List<List<ShapesAttributeChecker.Measurement>> measure() {
            INDArray allNoise = Nd4j.concat(0, noise.toArray(INDArray[]::new));
            List<ShapesAttributeChecker.Measurement> all = new ArrayList<>(prompts.size());
            for (int from = 0; from < prompts.size(); from += BATCH) {
                int to = Math.min(prompts.size(), from + BATCH);
                INDArray generated = model.generate(prompts.subList(from, to),
                        allNoise.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
                for (int i = 0; i < to - from; i++) {
                    all.add(ShapesAttributeChecker.measure(ImageArrays.toImage(generated, i)));
                }
            }
            List<List<ShapesAttributeChecker.Measurement>> byPrompt = new ArrayList<>(counts.size());
            int at = 0;
            for (int n : counts) {
                byPrompt.add(all.subList(at, at + n));
                at += n;
            }
            return byPrompt;
        }
    }
}
