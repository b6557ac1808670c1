package io.textgan.core.train;

import io.textgan.core.nn.AdamOptimizer;
import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks at a network's gradients after its backward pass and before its update: refuses non-finite gradients
 * (the update is then never applied), clips the global L2 norm if asked, writes per-parameter L2 norms to a CSV
 * file at the first step and every {@code every} steps, and warns once when a parameter's gradient norm has stayed below
 * {@link #VANISHING_FLOOR} or above {@link #EXPLODING_CEILING} for {@link #PATIENCE} consecutive steps.
 * Each network's global norm also goes to the logger {@value #NORMS_LOGGER}, which the CLI sends to the run's log
 * file only.
 */
public final class GradientHealth {
    /** A gradient L2 norm below this is vanishing. */
    public static final double VANISHING_FLOOR = 1e-8;
    /** A gradient L2 norm above this is exploding. */
    public static final double EXPLODING_CEILING = 1e3;
    static final int PATIENCE = 100;
    static final String CSV_HEADER = "phase,step,network,parameter,l2_norm";
    static final String NORMS_LOGGER = "io.textgan.runlog.gradients";
    private static final Logger LOG = LoggerFactory.getLogger(GradientHealth.class);
    private static final Logger NORMS = LoggerFactory.getLogger(NORMS_LOGGER);

    private final double clipNorm;
    private final int every;
    private final Path csv;
    private final Map<String, Integer> vanishingStreaks = new HashMap<>();
    private final Map<String, Integer> explodingStreaks = new HashMap<>();

    /**
     * @param clipNorm largest global gradient L2 norm of a network before its update (0: no clipping)
     * @param every    write the norms every this many steps
     * @param csv      file the norms are appended to (created with a header), or null for none
     */
    public GradientHealth(double clipNorm, int every, Path csv) {
        if (!(clipNorm >= 0) || every <= 0) {
            throw new IllegalArgumentException("clipNorm must be at least 0 and every positive: " + clipNorm + ", " + every);
        }
        this.clipNorm = clipNorm;
        this.every = every;
        this.csv = csv;
    }

    /** Checks and records nothing to disk, clips nothing: the guard alone. */
    public static GradientHealth guardOnly() {
        return new GradientHealth(0, Integer.MAX_VALUE, null);
    }

    /**
     * Updates {@code network} with {@code optimizer} after its gradients pass {@link #inspect}, then checks its
     * weights ({@link #requireFiniteWeights}).
     */
    public void update(String phase, int step, String network, List<Parameter> parameters, AdamOptimizer optimizer) {
        inspect(phase, step, network, parameters);
        optimizer.step();
        requireFiniteWeights(phase, step, network, parameters);
    }

    /**
     * Inspects {@code network}'s accumulated gradients before its update at {@code step} of {@code phase}.
     *
     * @return the global gradient L2 norm before clipping
     * @throws TrainingDivergedException if a gradient holds NaN or infinity (name of the parameter included)
     */
    double inspect(String phase, int step, String network, List<Parameter> parameters) {
        List<Parameter> trainable = parameters.stream().filter(Parameter::isTrainable).toList();
        double[] norms = new double[trainable.size()];
        double squares = 0;
        for (int i = 0; i < norms.length; i++) {
            norms[i] = trainable.get(i).gradient().norm2Number().doubleValue();
            if (!Double.isFinite(norms[i])) {
                throw new TrainingDivergedException(String.format("%s step %d: the %s gradient of %s is %s",
                        phase, step, network, trainable.get(i).name(), norms[i]));
            }
            squares += norms[i] * norms[i];
            watch(network, trainable.get(i).name(), norms[i]);
        }
        double global = Math.sqrt(squares);
        if (clipNorm > 0 && global > clipNorm) {
            for (Parameter p : trainable) {
                p.gradient().muli(clipNorm / global);
            }
        }
        if (csv != null && (step == 1 || step % every == 0)) {
            append(phase, step, network, trainable, norms, global);
        }
        return global;
    }

    /**
     * Checks {@code network}'s weights after its update at {@code step}: an update that overflowed (too high a learning
     * rate) is caught here, before the next step computes with it.
     *
     * @throws TrainingDivergedException naming the first weight that holds NaN or infinity
     */
    void requireFiniteWeights(String phase, int step, String network, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (BooleanIndexing.or(p.value(), Conditions.notFinite())) {
                throw new TrainingDivergedException(String.format("%s step %d: the %s weight %s holds %s after its update",
                        phase, step, network, p.name(), BooleanIndexing.or(p.value(), Conditions.isNan()) ? "NaN" : "infinity"));
            }
        }
    }

    private void watch(String network, String parameter, double norm) {
        String key = network + " " + parameter;
        streak(vanishingStreaks, key, norm < VANISHING_FLOOR, "stayed below " + VANISHING_FLOOR + " (vanishing)");
        streak(explodingStreaks, key, norm > EXPLODING_CEILING, "stayed above " + EXPLODING_CEILING + " (exploding)");
    }

    private static void streak(Map<String, Integer> streaks, String key, boolean outside, String what) {
        int length = outside ? streaks.merge(key, 1, Integer::sum) : 0;
        if (!outside) {
            streaks.remove(key);
        } else if (length == PATIENCE) {
            LOG.warn("the gradient norm of {} has {} for {} steps", key, what, PATIENCE);
        }
    }

    private void append(String phase, int step, String network, List<Parameter> trainable, double[] norms, double global) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            lines.add(row(phase, step, network, trainable.get(i).name(), norms[i]));
        }
        lines.add(row(phase, step, network, "(global)", global));
        try {
            if (!Files.exists(csv)) {
                Files.writeString(csv, CSV_HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            Files.write(csv, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
        NORMS.info("{} step {}: {} gradient L2 norm {}", phase, step, network, String.format(Locale.ROOT, "%.4g", global));
    }

    private static String row(String phase, int step, String network, String parameter, double norm) {
        return String.format(Locale.ROOT, "%s,%d,%s,%s,%.6g", phase, step, network, parameter, norm);
    }
}
