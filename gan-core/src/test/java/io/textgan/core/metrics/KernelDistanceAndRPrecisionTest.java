package io.textgan.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.textgan.core.metrics.FrechetDistanceTest.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelDistanceAndRPrecisionTest {

    @Test
    void kernelDistanceIsNearZeroForOneDistributionAndLargeForShiftedOnes() {
        Random rng = new Random(2);
        double[][] a = gaussian(rng, 300, 8, 0);
        double[][] b = gaussian(rng, 300, 8, 0);
        double[][] shifted = gaussian(rng, 300, 8, 1);
        double same = KernelDistance.between(a, b);
        double apart = KernelDistance.between(a, shifted);
        assertTrue(Math.abs(same) < 0.05, "same distribution: " + same);
        assertTrue(apart > 20 * Math.abs(same) && apart > 0.3, same + " vs " + apart);
    }

    @Test
    void kernelDistanceByHand() {
        // d = 1, k(x, y) = (xy + 1)³; x = {0, 1}, y = {0, 2}:
        // k(0,1) = 1; k(0,2) = 1; cross: k(0,0)=1, k(0,2)=1, k(1,0)=1, k(1,2)=27 → mean 7.5
        assertEquals(1 + 1 - 2 * 7.5, KernelDistance.between(new double[][]{{0}, {1}}, new double[][]{{0}, {2}}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.between(new double[][]{{0}}, new double[][]{{0}, {1}}));
    }

    @Test
    void rPrecisionCountsImagesWhoseOwnCaptionRanksFirst() {
        double[][] captions = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        double[][] images = {{1, 0.1}, {0.1, 1}, {0, -1}};
        int[] own = {0, 1, 2}; // the third image is nearest caption 3, not its own
        RPrecision.Result all = RPrecision.measure(images, own, captions, 4, 0);
        assertEquals(2.0 / 3, all.precision(), 1e-12);
        assertEquals(4, all.candidates());
        assertThrows(IllegalArgumentException.class, () -> RPrecision.measure(images, own, captions, 5, 0));
    }

    @Test
    void rPrecisionOfRandomVectorsIsAboutOneInTheNumberOfCandidates() {
        Random rng = new Random(4);
        double[][] captions = gaussian(rng, 500, 16, 0);
        double[][] images = gaussian(rng, 2000, 16, 0);
        int[] own = new int[images.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = rng.nextInt(captions.length);
        }
        double p = RPrecision.measure(images, own, captions, 10, 1).precision();
        assertEquals(0.1, p, 0.03);
    }

    @Test
    void diversityIsTheMeanDistanceWithinGroups() {
        double[][] square = {{0, 0}, {3, 4}};        // one pair, distance 5
        double[][] line = {{0, 0}, {1, 0}, {2, 0}};  // pairs 1, 1, 2: mean 4/3
        assertEquals((5 + 4.0 / 3) / 2, FeatureDiversity.meanPairwiseDistance(List.of(square, line)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FeatureDiversity.meanPairwiseDistance(List.<double[][]>of(new double[][]{{1}})));
    }
}
