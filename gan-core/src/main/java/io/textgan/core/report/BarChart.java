package io.textgan.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars on a base-10 log axis, one per labelled value, with vertical thresholds; a bar outside them is drawn
 * in the alarm colour. Used for the per-parameter gradient norms of a network's last logged step.
 */
final class BarChart {
    private static final int LEFT = 190;
    private static final int RIGHT = 70;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final int ROW = 17;

    private record Bar(String label, double value) {
    }

    private final String title;
    private final String xLabel;
    private final double low;
    private final double high;
    private final List<Bar> bars = new ArrayList<>();

    /** @param low the lower threshold, @param high the upper one: both drawn, bars beyond them in red */
    BarChart(String title, String xLabel, double low, double high) {
        this.title = title;
        this.xLabel = xLabel;
        this.low = low;
        this.high = high;
    }

    BarChart bar(String label, double value) {
        bars.add(new Bar(label, value));
        return this;
    }

    String svg() {
        int height = TOP + ROW * bars.size() + BOTTOM;
        double lo = low;
        double hi = high;
        for (Bar bar : bars) {
            if (bar.value > 0 && Double.isFinite(bar.value)) {
                lo = Math.min(lo, bar.value);
                hi = Math.max(hi, bar.value);
            }
        }
        Axis x = new Axis(lo / 10, hi * 10, true, LEFT, LineChart.WIDTH - RIGHT);
        int bottom = height - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(LineChart.WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\"><title>")
                .append(Html.escape(title)).append("</title><g class=\"axis\">");
        for (double t : x.ticks()) {
            String px = Html.coordinate(x.pixel(t));
            b.append("<line class=\"grid\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(bottom).append("\"/><text x=\"").append(px).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(x.label(t))).append("</text>");
        }
        b.append("<text class=\"label\" x=\"").append((LEFT + LineChart.WIDTH - RIGHT) / 2).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text></g>");
        double base = x.pixel(Math.pow(10, Math.floor(Math.log10(lo / 10))));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            boolean outside = !(bar.value >= low && bar.value <= high);
            double end = bar.value > 0 && Double.isFinite(bar.value) ? x.pixel(bar.value) : base;
            b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 12).append("\" text-anchor=\"end\">")
                    .append(Html.escape(bar.label)).append("</text>");
            b.append("<rect class=\"bar\" x=\"").append(Html.coordinate(base)).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(Html.coordinate(Math.max(1, end - base))).append("\" height=\"").append(ROW - 4)
                    .append("\" fill=\"").append(outside ? "#d62728" : "#4c78a8").append("\"><title>").append(Html.escape(bar.label))
                    .append(": ").append(Html.number(bar.value)).append("</title></rect>");
            b.append("<text x=\"").append(Html.coordinate(end + 4)).append("\" y=\"").append(y + 12).append("\">")
                    .append(Html.number(bar.value)).append("</text>");
        }
        for (double t : new double[]{low, high}) {
            String px = Html.coordinate(x.pixel(t));
            b.append("<line class=\"threshold\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(bottom).append("\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>");
        }
        return b.append("</svg>").toString();
    }
}
