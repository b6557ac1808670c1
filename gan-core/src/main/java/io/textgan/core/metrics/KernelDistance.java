package io.textgan.core.metrics;

/**
 * The kernel distance of KID (Bińkowski et al. 2018, <a href="https://arxiv.org/abs/1801.01401">arXiv:1801.01401</a>):
 * the unbiased estimate of the squared maximum mean discrepancy between two sets of feature vectors with the cubic
 * polynomial kernel k(x, y) = (x·y / d + 1)³. Unlike the Fréchet distance it has no bias from the sample size, so it
 * can come out slightly negative when both sets come from the same distribution. Computed on all pairs (no subsets):
 * at the ~1000 images evaluated here that is cheap.
 */
public final class KernelDistance {
    private KernelDistance() {
    }

    /** Unbiased MMD² between the rows of {@code x} and of {@code y}, each at least 2 vectors of one length. */
    public static double between(double[][] x, double[][] y) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("the kernel distance needs at least 2 vectors a side: " + x.length + ", " + y.length);
        }
        int d = x[0].length;
        if (y[0].length != d) {
            throw new IllegalArgumentException("feature vectors of lengths " + d + " and " + y[0].length);
        }
        double xx = withinMean(x, d);
        double yy = withinMean(y, d);
        double xy = 0;
        for (double[] a : x) {
            for (double[] b : y) {
                xy += kernel(a, b, d);
            }
        }
        xy /= (double) x.length * y.length;
        return xx + yy - 2 * xy;
    }

    /** The mean of k over pairs of different rows (the diagonal left out, which makes the estimate unbiased). */
    private static double withinMean(double[][] x, int d) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                sum += kernel(x[i], x[j], d);
            }
        }
        return 2 * sum / ((double) x.length * (x.length - 1));
    }

    static double kernel(double[] a, double[] b, int d) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += a[k] * b[k];
        }
        double base = dot / d + 1;
        return base * base * base;
    }
}
