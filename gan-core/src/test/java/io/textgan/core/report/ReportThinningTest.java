package io.textgan.core.report;

import io.textgan.core.report.Thinning.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportThinningTest {

    private static Points series(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i / 100.0);
        }
        return new Points(x, y);
    }

    @Test
    void minMaxKeepsAtMostMaxPointsInOrderAndTheSpikes() {
        Points p = series(256_000);
        p.y()[123_457] = 50;   // a spike
        p.y()[200_001] = -50;  // a dip
        Points thin = Thinning.minMax(p, 2000);
        assertTrue(thin.size() <= 2000 && thin.size() >= 1000, "size " + thin.size());
        for (int i = 1; i < thin.size(); i++) {
            assertTrue(thin.x()[i] > thin.x()[i - 1], "x must stay increasing at " + i);
        }
        assertTrue(Arrays.stream(thin.y()).anyMatch(v -> v == 50), "the spike survives");
        assertTrue(Arrays.stream(thin.y()).anyMatch(v -> v == -50), "the dip survives");
    }

    @Test
    void shortSeriesAreKeptWholeButNonFinitePointsDropped() {
        Points p = new Points(new double[]{1, 2, 3, 4}, new double[]{1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        Points thin = Thinning.minMax(p, 2000);
        assertArrayEquals(new double[]{1, 3}, thin.x());
        assertArrayEquals(new double[]{1, 3}, thin.y());
    }

    @Test
    void smoothKeepsTheEndsAveragesAndThins() {
        double[] x = {1, 2, 3, 4, 5};
        Points smooth = Thinning.smooth(new Points(x, new double[]{0, 10, 0, 10, 0}), 3, 2000);
        assertArrayEquals(x, smooth.x());
        assertEquals(5, smooth.y()[0], 1e-12, "the first point averages itself and its right neighbour");
        assertEquals(20.0 / 3, smooth.y()[2], 1e-12);
        Points thin = Thinning.smooth(series(100_000), Thinning.window(100_000), 2000);
        assertEquals(2000, thin.size());
        assertEquals(1, thin.x()[0]);
        assertEquals(100_000, thin.x()[thin.size() - 1]);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Points(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Thinning.minMax(series(10), 1));
        assertThrows(IllegalArgumentException.class, () -> new ReportLimits(1, 0, 0));
    }
}
