package io.textgan.core.report;

import io.textgan.core.report.Thinning.Points;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline SVG plot of series over a shared x axis: each series as faint dots (its raw points) and/or a line (its
 * smoothed or measured values), with labelled axes, a legend, horizontal thresholds and vertical markers.
 */
final class LineChart {
    static final int WIDTH = 760;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int LEGEND_ROW = 20;
    private static final int BOTTOM = 44;

    /** A series; {@code dots} or {@code line} may be null. */
    record Series(String name, String color, Points dots, Points line) {
    }

    private record Rule(double value, String label, String color) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final int height;
    private final List<Series> series = new ArrayList<>();
    private final List<Rule> thresholds = new ArrayList<>();
    private final List<Rule> markers = new ArrayList<>();

    LineChart(String title, String xLabel, String yLabel, boolean logY, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
        this.height = height;
    }

    LineChart series(Series s) {
        series.add(s);
        return this;
    }

    /** A horizontal dashed line at y = value; its range is always shown. */
    LineChart threshold(double value, String label, String color) {
        thresholds.add(new Rule(value, label, color));
        return this;
    }

    /** A vertical line at x = value. */
    LineChart marker(double value, String label, String color) {
        markers.add(new Rule(value, label, color));
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> size(s.dots) + size(s.line) == 0);
    }

    String svg() {
        int top = 10 + LEGEND_ROW * legendRows();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Points p : new Points[]{s.dots, s.line}) {
                for (int i = 0; p != null && i < p.size(); i++) {
                    if (Double.isFinite(p.y()[i]) && (!logY || p.y()[i] > 0)) {
                        xMin = Math.min(xMin, p.x()[i]);
                        xMax = Math.max(xMax, p.x()[i]);
                        yMin = Math.min(yMin, p.y()[i]);
                        yMax = Math.max(yMax, p.y()[i]);
                    }
                }
            }
        }
        for (Rule t : thresholds) {
            yMin = Math.min(yMin, t.value);
            yMax = Math.max(yMax, t.value);
        }
        if (xMin == xMax) {
            xMin -= 1;
            xMax += 1;
        }
        Axis x = new Axis(xMin, xMax, false, true, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(yMin, yMax, logY, height - BOTTOM, top);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        b.append("<title>").append(Html.escape(title)).append("</title>");
        axes(b, x, y, top);
        for (Rule t : thresholds) {
            String py = Html.coordinate(y.pixel(t.value));
            b.append("<line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(py).append("\" y2=\"").append(py).append("\" stroke=\"").append(t.color)
                    .append("\" stroke-dasharray=\"6 4\"/>");
            b.append("<text x=\"").append(WIDTH - RIGHT - 4).append("\" y=\"").append(Html.coordinate(y.pixel(t.value) - 4))
                    .append("\" text-anchor=\"end\" fill=\"").append(t.color).append("\">").append(Html.escape(t.label)).append("</text>");
        }
        for (Rule m : markers) {
            if (m.value >= xMin && m.value <= xMax) {
                String px = Html.coordinate(x.pixel(m.value));
                b.append("<line class=\"marker\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(top)
                        .append("\" y2=\"").append(height - BOTTOM).append("\" stroke=\"").append(m.color).append("\" stroke-dasharray=\"3 3\"/>");
                boolean nearRight = x.pixel(m.value) > WIDTH - RIGHT - 80; // the label goes left of the line there
                b.append("<text x=\"").append(px).append("\" y=\"").append(top + 12).append(nearRight ? "\" dx=\"-4\" text-anchor=\"end" : "\" dx=\"4")
                        .append("\" fill=\"").append(m.color).append("\">").append(Html.escape(m.label)).append("</text>");
            }
        }
        for (Series s : series) {
            if (s.dots != null && s.dots.size() > 0) {
                b.append("<path class=\"dots\" data-series=\"").append(Html.escape(s.name)).append("\" stroke=\"").append(s.color)
                        .append("\" d=\"");
                for (int i = 0; i < s.dots.size(); i++) {
                    if (y.contains(s.dots.y()[i])) {
                        b.append('M').append(Html.coordinate(x.pixel(s.dots.x()[i]))).append(' ')
                                .append(Html.coordinate(y.pixel(s.dots.y()[i]))).append("h0");
                    }
                }
                b.append("\"/>");
            }
            if (s.line != null && s.line.size() > 0) {
                b.append("<polyline class=\"line\" data-series=\"").append(Html.escape(s.name)).append("\" stroke=\"")
                        .append(s.color).append("\" points=\"");
                for (int i = 0; i < s.line.size(); i++) {
                    if (y.contains(s.line.y()[i])) {
                        b.append(Html.coordinate(x.pixel(s.line.x()[i]))).append(',')
                                .append(Html.coordinate(y.pixel(s.line.y()[i]))).append(' ');
                    }
                }
                b.append("\"/>");
            }
        }
        legend(b);
        return b.append("</svg>").toString();
    }

    private void axes(StringBuilder b, Axis x, Axis y, int top) {
        int bottom = height - BOTTOM;
        b.append("<g class=\"axis\">");
        for (double t : y.ticks()) {
            String py = Html.coordinate(y.pixel(t));
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/>");
            b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(py).append("\" dy=\"4\" text-anchor=\"end\">")
                    .append(Html.escape(y.label(t))).append("</text>");
        }
        for (double t : x.ticks()) {
            String px = Html.coordinate(x.pixel(t));
            b.append("<line class=\"tick\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(bottom)
                    .append("\" y2=\"").append(bottom + 5).append("\"/>");
            b.append("<text x=\"").append(px).append("\" y=\"").append(bottom + 18).append("\" text-anchor=\"middle\">")
                    .append(Html.escape(x.label(t))).append("</text>");
        }
        b.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(bottom - top).append("\"/>");
        b.append("<text class=\"label\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(height - 8)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>");
        b.append("<text class=\"label\" transform=\"translate(14 ").append((top + bottom) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>");
        b.append("</g>");
    }

    /** The legend above the plot, in as many rows as its names need. */
    private void legend(StringBuilder b) {
        int px = LEFT;
        int row = 0;
        for (Series s : series) {
            int width = legendWidth(s);
            if (px > LEFT && px + width > WIDTH - RIGHT) {
                px = LEFT;
                row++;
            }
            int y = 6 + row * LEGEND_ROW;
            b.append("<rect x=\"").append(px).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(s.color).append("\"/>");
            b.append("<text x=\"").append(px + 16).append("\" y=\"").append(y + 10).append("\">").append(Html.escape(s.name)).append("</text>");
            px += width;
        }
    }

    private int legendRows() {
        int px = LEFT;
        int rows = 1;
        for (Series s : series) {
            int width = legendWidth(s);
            if (px > LEFT && px + width > WIDTH - RIGHT) {
                px = LEFT;
                rows++;
            }
            px += width;
        }
        return rows;
    }

    private static int legendWidth(Series s) {
        return 30 + 7 * s.name.length();
    }

    private static int size(Points p) {
        return p == null ? 0 : p.size();
    }
}
