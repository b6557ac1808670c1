package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Numerical gradient check by central differences, for custom layers and networks (as DL4J's GradientCheckUtil):
 * perturbs sampled entries of each array and compares (L(x+ε) − L(x−ε)) / 2ε with the analytic gradient.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** An array whose gradient is checked, and the analytic gradient of the loss with respect to it. */
    public record Target(String name, INDArray value, INDArray analytic) {
    }

    /** One entry whose analytic and numerical gradients disagree. */
    public record Mismatch(String name, long index, double analytic, double numerical) {
        @Override
        public String toString() {
            return String.format("%s[%d]: analytic %.6g, numerical %.6g", name, index, analytic, numerical);
        }
    }

    /** What {@link #checkSkippingKinks} found: the failing entries, and how many entries it compared and skipped. */
    public record Report(List<Mismatch> mismatches, int compared, int skipped) {
    }

    /**
     * @param loss       recomputes the loss from the current values (float32: keep it O(1))
     * @param targets    arrays to perturb with their analytic gradients (computed before this call)
     * @param samples    entries checked per array (all when the array is smaller)
     * @param epsilon    perturbation
     * @param tolerance  allowed relative error |a − n| / (|a| + |n|)
     * @param absoluteTolerance an entry also passes when |a − n| is below this (float32 noise around zero gradients)
     * @return the entries that fail; empty when the check passes
     */
    public static List<Mismatch> check(DoubleSupplier loss, List<Target> targets, int samples, double epsilon,
                                       double tolerance, double absoluteTolerance, Random rng) {
        return run(loss, targets, samples, epsilon, tolerance, absoluteTolerance, rng, false).mismatches();
    }

    /**
     * As {@link #check}, for networks with thousands of ReLUs: in float32 the step cannot be made small enough to
     * cross none of their kinks, and across a kink the central difference means nothing. An entry whose one-sided
     * differences (L(x+ε) − L(x)) / ε and (L(x) − L(x−ε)) / ε disagree beyond the tolerances has crossed one and is
     * skipped; a wrong analytic gradient still fails wherever the loss is locally smooth. Callers should bound
     * {@link Report#skipped()}, lest nothing be compared.
     */
    public static Report checkSkippingKinks(DoubleSupplier loss, List<Target> targets, int samples, double epsilon,
                                            double tolerance, double absoluteTolerance, Random rng) {
        return run(loss, targets, samples, epsilon, tolerance, absoluteTolerance, rng, true);
    }

    private static Report run(DoubleSupplier loss, List<Target> targets, int samples, double epsilon,
                              double tolerance, double absoluteTolerance, Random rng, boolean skipKinks) {
        List<Mismatch> failures = new ArrayList<>();
        int compared = 0;
        int skipped = 0;
        double base = skipKinks ? loss.getAsDouble() : Double.NaN;
        for (Target target : targets) {
            INDArray flat = target.value().reshape(target.value().length());
            INDArray analytic = target.analytic().dup().reshape(target.value().length());
            long n = flat.length();
            for (int s = 0; s < Math.min(samples, n); s++) {
                long i = n <= samples ? s : (long) (rng.nextDouble() * n);
                double original = flat.getDouble(i);
                flat.putScalar(i, original + epsilon);
                double plus = loss.getAsDouble();
                flat.putScalar(i, original - epsilon);
                double minus = loss.getAsDouble();
                flat.putScalar(i, original);
                if (skipKinks && disagree((plus - base) / epsilon, (base - minus) / epsilon, tolerance, absoluteTolerance)) {
                    skipped++;
                    continue;
                }
                compared++;
                double numerical = (plus - minus) / (2 * epsilon);
                double a = analytic.getDouble(i);
                if (disagree(a, numerical, tolerance, absoluteTolerance)) {
                    failures.add(new Mismatch(target.name(), i, a, numerical));
                }
            }
        }
        return new Report(failures, compared, skipped);
    }

    private static boolean disagree(double a, double b, double tolerance, double absoluteTolerance) {
        double error = Math.abs(a - b);
        return error > absoluteTolerance && error / (Math.abs(a) + Math.abs(b)) > tolerance;
    }
}
