package io.textgan.core.metrics;

/**
 * The Fréchet distance between two Gaussians fitted to feature vectors, as in FID (Heusel et al. 2017,
 * <a href="https://arxiv.org/abs/1706.08500">arXiv:1706.08500</a>):
 * |μ₁ − μ₂|² + tr(C₁) + tr(C₂) − 2 tr((C₁^½ C₂ C₁^½)^½). The last trace is the sum of the square roots of the
 * eigenvalues of the symmetric matrix C₁^½ C₂ C₁^½, computed in double precision ({@link SymmetricEigen}); tiny
 * negative eigenvalues (rounding) count as 0.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /**
     * Mean and covariance of a set of feature vectors.
     *
     * @param covariance the unbiased sample covariance (divided by count − 1)
     */
    public record Statistics(double[] mean, double[][] covariance, int count) {
        public Statistics {
            if (covariance.length != mean.length) {
                throw new IllegalArgumentException("covariance is " + covariance.length + "-dimensional, mean " + mean.length);
            }
            if (count < 2) {
                throw new IllegalArgumentException("statistics need at least 2 vectors: " + count);
            }
        }

        /** The statistics of the rows of {@code features} (all of one length). */
        public static Statistics of(double[][] features) {
            int n = features.length;
            if (n < 2) {
                throw new IllegalArgumentException("statistics need at least 2 vectors: " + n);
            }
            int d = features[0].length;
            double[] mean = new double[d];
            for (double[] row : features) {
                if (row.length != d) {
                    throw new IllegalArgumentException("feature vectors of lengths " + d + " and " + row.length);
                }
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / n;
                }
            }
            double[][] cov = new double[d][d];
            double[] centred = new double[d];
            for (double[] row : features) {
                for (int j = 0; j < d; j++) {
                    centred[j] = row[j] - mean[j];
                }
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        cov[i][j] += centred[i] * centred[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] /= n - 1;
                    cov[j][i] = cov[i][j];
                }
            }
            return new Statistics(mean, cov, n);
        }
    }

    /** The distance between the Gaussians fitted to two sets of feature vectors (rows). */
    public static double between(double[][] a, double[][] b) {
        return between(Statistics.of(a), Statistics.of(b));
    }

    /** The distance between N(μ₁, C₁) and N(μ₂, C₂). */
    public static double between(Statistics a, Statistics b) {
        return between(a.mean(), a.covariance(), b.mean(), b.covariance());
    }

    /** The distance between N(mean1, cov1) and N(mean2, cov2); never below 0. */
    public static double between(double[] mean1, double[][] cov1, double[] mean2, double[][] cov2) {
        int d = mean1.length;
        if (mean2.length != d || cov1.length != d || cov2.length != d) {
            throw new IllegalArgumentException("dimensions differ: " + d + ", " + mean2.length + ", " + cov1.length + ", " + cov2.length);
        }
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < d; i++) {
            double diff = mean1[i] - mean2[i];
            meanTerm += diff * diff;
            traces += cov1[i][i] + cov2[i][i];
        }
        double[][] root1 = SymmetricEigen.of(cov1).sqrtMatrix();
        double[][] product = multiply(multiply(root1, cov2), root1);
        // symmetric in exact arithmetic; averaging with the transpose removes rounding asymmetry before Jacobi
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double mean = (product[i][j] + product[j][i]) / 2;
                product[i][j] = mean;
                product[j][i] = mean;
            }
        }
        double crossTrace = 0;
        for (double eigenvalue : SymmetricEigen.of(product).values()) {
            crossTrace += Math.sqrt(Math.max(0, eigenvalue));
        }
        return Math.max(0, meanTerm + traces - 2 * crossTrace);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }
}
