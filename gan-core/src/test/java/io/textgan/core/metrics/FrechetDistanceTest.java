package io.textgan.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {

    @Test
    void diagonalCovariancesGiveTheClosedForm() {
        // |Δμ|² + Σ (√a − √b)²  =  (1 + 4) + ((2 − 1)² + (3 − 1)² + (1 − 0.5)²)  =  5 + 5.25
        double[] m1 = {1, 0, 2};
        double[] m2 = {0, 0, 0};
        double[][] c1 = {{4, 0, 0}, {0, 9, 0}, {0, 0, 1}};
        double[][] c2 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 0.25}};
        assertEquals(10.25, FrechetDistance.between(m1, c1, m2, c2), 1e-9);
        assertEquals(10.25, FrechetDistance.between(m2, c2, m1, c1), 1e-9, "symmetric");
    }

    @Test
    void aRotationOfBothGaussiansLeavesTheDistanceUnchanged() {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] r = {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        double[][] c1 = rotate(r, new double[][]{{4, 0, 0}, {0, 9, 0}, {0, 0, 1}});
        double[][] c2 = rotate(r, new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 0.25}});
        assertEquals(5.25, FrechetDistance.between(new double[3], c1, new double[3], c2), 1e-9);
    }

    @Test
    void aSingularCovarianceIsHandledByClampingRoundingError() {
        double[][] rankOne = {{1, 1}, {1, 1}};
        assertEquals(0, FrechetDistance.between(new double[2], rankOne, new double[2], rankOne), 1e-9);
        // N(0, diag(2, 0)) vs N(0, diag(0, 2)): tr = 4, cross term 0
        assertEquals(4, FrechetDistance.between(new double[2], new double[][]{{2, 0}, {0, 0}},
                new double[2], new double[][]{{0, 0}, {0, 2}}), 1e-9);
    }

    @Test
    void samplesOfOneGaussianAreCloseAndOfShiftedOnesFar() {
        Random rng = new Random(1);
        double[][] a = gaussian(rng, 2000, 8, 0);
        double[][] b = gaussian(rng, 2000, 8, 0);
        double[][] shifted = gaussian(rng, 2000, 8, 1);
        double same = FrechetDistance.between(a, b);
        assertTrue(same < 0.1, "same distribution: " + same);
        assertEquals(8, FrechetDistance.between(a, shifted), 0.5, "a unit shift in 8 dimensions");
        assertEquals(0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void statisticsAreTheMeanAndUnbiasedCovariance() {
        FrechetDistance.Statistics s = FrechetDistance.Statistics.of(new double[][]{{0, 0}, {2, 0}, {1, 3}});
        assertEquals(1, s.mean()[0], 1e-12);
        assertEquals(1, s.mean()[1], 1e-12);
        assertEquals(1, s.covariance()[0][0], 1e-12); // (1 + 1 + 0) / 2
        assertEquals(3, s.covariance()[1][1], 1e-12); // (1 + 1 + 4) / 2
        assertEquals(0, s.covariance()[0][1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.Statistics.of(new double[][]{{1, 2}}));
    }

    @Test
    void theEigendecompositionReconstructsASymmetricMatrix() {
        Random rng = new Random(3);
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] values = e.values();
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += v[i][k] * values[k] * v[j][k];
                }
                assertEquals(a[i][j], sum, 1e-9, "entry " + i + "," + j);
            }
        }
    }

    static double[][] gaussian(Random rng, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian() + shift;
            }
        }
        return x;
    }

    private static double[][] rotate(double[][] r, double[][] m) {
        int n = m.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        out[i][j] += r[i][k] * m[k][l] * r[j][l];
                    }
                }
            }
        }
        return out;
    }
}
