package io.textgan.core.metrics;

import java.util.Random;

/**
 * R-precision as AttnGAN reports it (Xu et al. 2018, <a href="https://arxiv.org/abs/1711.10485">arXiv:1711.10485</a>),
 * with R = 1: for each image, its own caption and 99 other captions drawn at random are ranked by cosine similarity
 * to the image's vector in an image–text matching model; the figure is the fraction of images whose own caption
 * ranks first. Candidates are distinct caption strings, so a caption never competes with an identical copy of itself.
 */
public final class RPrecision {
    /** Candidates per image in AttnGAN's protocol: the own caption and 99 others. */
    public static final int CANDIDATES = 100;

    private RPrecision() {
    }

    /**
     * @param precision  fraction of images whose own caption ranked first
     * @param images     images ranked
     * @param candidates captions ranked per image (fewer than 100 where fewer distinct captions exist)
     */
    public record Result(double precision, int images, int candidates) {
        public Result {
            if (images < 1 || candidates < 2) {
                throw new IllegalArgumentException("R-precision needs an image and 2 candidates: " + images + ", " + candidates);
            }
        }
    }

    /**
     * @param imageVectors   one vector per image
     * @param ownCaption     for each image, the row of {@code captionVectors} of its own caption
     * @param captionVectors one vector per distinct caption, the pool the others are drawn from
     * @param candidates     captions ranked per image, at most the pool's size (100 in AttnGAN's protocol)
     * @param seed           fixes the draws: the same seed draws the same others for the same images
     */
    public static Result measure(double[][] imageVectors, int[] ownCaption, double[][] captionVectors, int candidates, long seed) {
        int pool = captionVectors.length;
        if (ownCaption.length != imageVectors.length) {
            throw new IllegalArgumentException(imageVectors.length + " images but " + ownCaption.length + " own captions");
        }
        if (candidates < 2 || candidates > pool) {
            throw new IllegalArgumentException("candidates must be from 2 to the " + pool + " captions: " + candidates);
        }
        double[][] captions = new double[pool][];
        for (int c = 0; c < pool; c++) {
            captions[c] = unit(captionVectors[c]);
        }
        Random rng = new Random(seed);
        int[] order = new int[pool];
        int correct = 0;
        for (int i = 0; i < imageVectors.length; i++) {
            double[] image = unit(imageVectors[i]);
            int own = ownCaption[i];
            double ownScore = dot(image, captions[own]);
            for (int c = 0; c < pool; c++) {
                order[c] = c;
            }
            // the own caption is swapped to the end, then candidates − 1 others are drawn from the rest (partial shuffle)
            swap(order, own, pool - 1);
            boolean first = true;
            for (int k = 0; k < candidates - 1; k++) {
                int j = k + rng.nextInt(pool - 1 - k);
                swap(order, k, j);
                if (dot(image, captions[order[k]]) >= ownScore) {
                    first = false;
                }
            }
            correct += first ? 1 : 0;
        }
        return new Result((double) correct / imageVectors.length, imageVectors.length, candidates);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v)) + 1e-12;
        double[] u = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            u[k] = v[k] / norm;
        }
        return u;
    }
}
