package io.textgan.core.report;

import java.util.ArrayList;
import java.util.List;

/** A linear or base-10 logarithmic axis: maps values to pixels between two ends and chooses labelled ticks. */
final class Axis {
    private final double lo;
    private final double hi;
    private final boolean log;
    private final double from;
    private final double to;
    private final double step;

    /** A linear axis over [lo, hi] widened to whole tick steps, or a log axis over whole decades; pixels from → to. */
    Axis(double lo, double hi, boolean log, double from, double to) {
        this(lo, hi, log, false, from, to);
    }

    /**
     * @param tight a linear axis over exactly [lo, hi] (ticks inside it), as for steps and epochs; else widened to whole
     *              tick steps
     */
    Axis(double lo, double hi, boolean log, boolean tight, double from, double to) {
        if (!(lo <= hi)) {
            lo = log ? 1 : 0;
            hi = log ? 10 : 1;
        }
        if (log) {
            this.lo = Math.floor(Math.log10(lo));
            this.hi = Math.max(this.lo + 1, Math.ceil(Math.log10(hi)));
            this.step = 1;
        } else {
            if (hi == lo) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            this.step = niceStep((hi - lo) / 5);
            this.lo = tight ? lo : Math.floor(lo / step) * step;
            this.hi = tight ? hi : Math.ceil(hi / step) * step;
        }
        this.log = log;
        this.from = from;
        this.to = to;
    }

    double pixel(double v) {
        double t = log ? (Math.log10(v) - lo) / (hi - lo) : (v - lo) / (hi - lo);
        return from + t * (to - from);
    }

    boolean contains(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Tick values: decades on a log axis (every other one beyond 12), 1-2-5 steps on a linear one. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int every = hi - lo > 12 ? 2 : 1;
            for (int e = (int) lo; e <= (int) hi; e += every) {
                ticks.add(Math.pow(10, e));
            }
        } else {
            for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
                ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
        }
        return ticks;
    }

    String label(double v) {
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            return e >= -2 && e <= 3 ? Html.number(v) : "1e" + e;
        }
        return Html.number(v);
    }

    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }
}
