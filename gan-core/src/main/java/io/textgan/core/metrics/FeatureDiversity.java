package io.textgan.core.metrics;

import java.util.List;

/** How spread out groups of images are in a feature space: the mean Euclidean distance between two images of a group. */
public final class FeatureDiversity {
    private FeatureDiversity() {
    }

    /** The mean over groups of the mean pairwise distance within the group; groups of fewer than 2 vectors are refused. */
    public static double meanPairwiseDistance(List<double[][]> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no groups to measure");
        }
        double sum = 0;
        for (double[][] group : groups) {
            if (group.length < 2) {
                throw new IllegalArgumentException("a group needs at least 2 vectors: " + group.length);
            }
            double within = 0;
            for (int i = 0; i < group.length; i++) {
                for (int j = i + 1; j < group.length; j++) {
                    within += distance(group[i], group[j]);
                }
            }
            sum += within / (group.length * (group.length - 1) / 2.0);
        }
        return sum / groups.size();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
