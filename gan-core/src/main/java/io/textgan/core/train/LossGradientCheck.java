package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import io.textgan.core.nn.GradientCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Checks a {@link GanLoss}'s three gradients with respect to the logits against central differences. */
public final class LossGradientCheck {
    private LossGradientCheck() {
    }

    /**
     * @param logits [N, 1]; keep them away from the loss's kinks (hinge: ±1) by more than the 1e-2 step
     * @return the entries that fail, named by the part of the loss; empty when the check passes
     */
    public static List<GradientCheck.Mismatch> check(GanLoss loss, INDArray logits, Random rng) {
        Map<String, Supplier<LossGradient>> parts = new LinkedHashMap<>();
        parts.put("discriminator on real", () -> loss.discriminator(logits, true));
        parts.put("discriminator on fake", () -> loss.discriminator(logits, false));
        parts.put("generator", () -> loss.generator(logits));
        List<GradientCheck.Mismatch> failures = new ArrayList<>();
        parts.forEach((part, compute) -> failures.addAll(GradientCheck.check(() -> compute.get().loss(),
                List.of(new GradientCheck.Target(part, logits, compute.get().gradient())), (int) logits.length(),
                1e-2, 1e-2, 1e-4, rng)));
        return failures;
    }
}
