package io.textgan.core.report;

import java.util.Arrays;

/**
 * Fewer points for a plot of many: a page must stay small however long the run. Series are x-sorted arrays.
 */
public final class Thinning {
    private Thinning() {
    }

    /** Points (x, y) of a series; the arrays have the same length. */
    public record Points(double[] x, double[] y) {
        public Points {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + ", " + y.length);
            }
        }

        public int size() {
            return x.length;
        }
    }

    /**
     * At most {@code max} points: the series cut into {@code max / 2} runs of consecutive points, of each run its lowest
     * and its highest point (in their order), so that spikes survive. Non-finite y are dropped first.
     */
    public static Points minMax(Points p, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2: " + max);
        }
        Points finite = finite(p);
        int n = finite.size();
        if (n <= max) {
            return finite;
        }
        int buckets = max / 2;
        double[] x = new double[2 * buckets];
        double[] y = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (finite.y[i] < finite.y[lo]) {
                    lo = i;
                }
                if (finite.y[i] > finite.y[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            x[k] = finite.x[first];
            y[k++] = finite.y[first];
            if (second != first) {
                x[k] = finite.x[second];
                y[k++] = finite.y[second];
            }
        }
        return new Points(Arrays.copyOf(x, k), Arrays.copyOf(y, k));
    }

    /**
     * The series smoothed by a centred moving mean over {@code window} points (fewer at the ends), then thinned to at
     * most {@code max} evenly spaced points (first and last kept).
     */
    public static Points smooth(Points p, int window, int max) {
        if (window < 1 || max < 2) {
            throw new IllegalArgumentException("window must be positive and max at least 2: " + window + ", " + max);
        }
        Points finite = finite(p);
        int n = finite.size();
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + finite.y[i];
        }
        int half = window / 2;
        int count = Math.min(n, max);
        double[] x = new double[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) {
            int i = count == 1 ? 0 : (int) Math.round((double) k * (n - 1) / (count - 1));
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            x[k] = finite.x[i];
            y[k] = (prefix[to] - prefix[from]) / (to - from);
        }
        return new Points(x, y);
    }

    /** A smoothing window for {@code n} points: about 1/50 of the series, at least 1. */
    public static int window(int n) {
        return Math.max(1, n / 50) | 1;
    }

    private static Points finite(Points p) {
        int k = 0;
        double[] x = new double[p.size()];
        double[] y = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            if (Double.isFinite(p.y[i]) && Double.isFinite(p.x[i])) {
                x[k] = p.x[i];
                y[k++] = p.y[i];
            }
        }
        return k == p.size() ? p : new Points(Arrays.copyOf(x, k), Arrays.copyOf(y, k));
    }
}
