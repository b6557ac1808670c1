package io.textgan.core.report;

/**
 * What keeps a report small however long the run: points per plotted series, and how many sample grids (and how many
 * bytes of them) are put into the page itself; the other grids are linked relative to the run directory.
 *
 * @param pointsPerSeries most points drawn per series (raw points and smoothed line each)
 * @param inlineGrids     most sample grids inlined as data
 * @param inlineBytes     most bytes of PNG inlined, all grids together
 */
public record ReportLimits(int pointsPerSeries, int inlineGrids, long inlineBytes) {
    public ReportLimits {
        if (pointsPerSeries < 2 || inlineGrids < 0 || inlineBytes < 0) {
            throw new IllegalArgumentException("pointsPerSeries must be at least 2, inlineGrids and inlineBytes not negative: "
                    + pointsPerSeries + ", " + inlineGrids + ", " + inlineBytes);
        }
    }

    /** 2,000 points per series, 24 inlined grids of at most 8 MB together. */
    public static ReportLimits defaults() {
        return new ReportLimits(2000, 24, 8L << 20);
    }
}
