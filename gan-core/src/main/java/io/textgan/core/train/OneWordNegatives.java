package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hard wrong captions for the discriminator: a caption of the batch with one word replaced by the word in the same
 * place of another caption of the batch with as many words ("a small red circle …" → "a small red square …"). A random
 * wrong caption nearly always differs in several words, among them an easy one (a colour), so a discriminator can
 * reject it without reading the rest; a caption one word away can only be rejected by reading that word. A
 * replacement that the text encoder reads as (nearly) the same sentence, a synonym such as "small" for "little", would
 * teach the discriminator that a right caption is wrong, so it is not used: the random wrong caption stays.
 * <p>
 * With several candidates, each such row draws that many one-word changes and keeps the one the discriminator scores
 * highest on the real image (hard-negative mining, as VSE++ does for image–caption retrieval): once the discriminator
 * reads the easy words, its wrong captions are the ones it still gets wrong.
 */
public final class OneWordNegatives {
    /**
     * Cosine similarity of the text vectors above which a one-word change counts as saying the same thing: with the
     * default run's pre-trained encoder, synonyms ("small" and "little", "grey" and "gray") were at 0.985-0.995, a
     * changed shape word at 0.86-0.90, a changed colour at 0.62.
     */
    static final double SAME_MEANING = 0.95;

    private final double share;
    private final int candidates;

    /** Scores each real image of the batch with k texts, [k·N, T] in blocks (row j·N + i is image i): logits [k·N, 1]. */
    @FunctionalInterface
    public interface Scorer {
        INDArray score(INDArray texts);
    }

    /**
     * @param share      the share of each batch's wrong captions to replace by one-word changes (where one exists)
     * @param candidates one-word changes drawn per replaced row; the highest-scoring one is kept
     */
    public OneWordNegatives(double share, int candidates) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of one-word wrong captions must be in (0, 1]: " + share);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("at least one one-word candidate is needed: " + candidates);
        }
        this.share = share;
        this.candidates = candidates;
    }

    /**
     * The text vectors of the batch's wrong captions, {@code wrongText}, with a share of rows replaced by those of
     * one-word changes of the right captions.
     *
     * @param captions  the batch's right captions
     * @param text      their text vectors [N, T]
     * @param wrongText the text vectors of the random wrong captions [N, T]; returned, changed in place
     * @param scorer    the discriminator's scores of the real images, used only with more than one candidate
     */
    public INDArray mix(List<String> captions, INDArray text, INDArray wrongText, TextToImageModel model, Random rng,
                        Scorer scorer) {
        int n = captions.size();
        List<String> changed = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < share) {
                for (int c = 0; c < candidates; c++) {
                    String change = oneWordChange(captions, i, rng);
                    if (change != null) {
                        changed.add(change);
                        slots.add(c * n + i);
                    }
                }
            }
        }
        if (slots.isEmpty()) {
            return wrongText;
        }
        INDArray changedText = model.encode(changed);
        INDArray right = text.getRows(slots.stream().mapToInt(slot -> slot % n).toArray());
        INDArray cosines = right.mul(changedText).sum(1)
                .divi(right.norm2(1).muli(changedText.norm2(1)).addi(1e-12));
        INDArray blocks = Nd4j.tile(wrongText, candidates, 1);
        boolean[] usable = new boolean[candidates * n];
        for (int k = 0; k < slots.size(); k++) {
            if (cosines.getDouble(k) < SAME_MEANING) {
                blocks.getRow(slots.get(k)).assign(changedText.getRow(k));
                usable[slots.get(k)] = true;
            }
        }
        double[] scores = candidates == 1 ? new double[n] : scorer.score(blocks).reshape(-1).toDoubleVector();
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int c = 0; c < candidates; c++) {
                int slot = c * n + i;
                if (usable[slot] && (best < 0 || scores[slot] > scores[best])) {
                    best = slot;
                }
            }
            if (best >= 0) {
                wrongText.getRow(i).assign(blocks.getRow(best));
            }
        }
        return wrongText;
    }

    /** Caption i with one word taken from another caption of as many words, or null if no caption differs from it so. */
    static String oneWordChange(List<String> captions, int i, Random rng) {
        String[] words = captions.get(i).trim().split("\\s+");
        int start = rng.nextInt(captions.size());
        for (int k = 0; k < captions.size(); k++) {
            int j = (start + k) % captions.size();
            String[] other = captions.get(j).trim().split("\\s+");
            if (j == i || other.length != words.length) {
                continue;
            }
            int[] differing = new int[words.length];
            int count = 0;
            for (int p = 0; p < words.length; p++) {
                if (!words[p].equalsIgnoreCase(other[p])) {
                    differing[count++] = p;
                }
            }
            if (count > 0) {
                String[] result = Arrays.copyOf(words, words.length);
                int p = differing[rng.nextInt(count)];
                result[p] = other[p];
                return String.join(" ", result);
            }
        }
        return null;
    }
}
