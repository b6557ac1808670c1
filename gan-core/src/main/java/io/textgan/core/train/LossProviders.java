package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossProvider;

/** The {@link java.util.ServiceLoader} providers of the built-in losses. */
public final class LossProviders {
    /** The name of the default loss, {@link NonSaturatingLoss}. */
    public static final String DEFAULT = "non-saturating";

    private LossProviders() {
    }

    /** {@code non-saturating}: {@link NonSaturatingLoss}. */
    public static final class NonSaturating implements LossProvider {
        @Override
        public String name() {
            return DEFAULT;
        }

        @Override
        public String description() {
            return "sigmoid cross-entropy for D, -log D(G(z)) for G (Goodfellow et al. 2014); the default";
        }

        @Override
        public GanLoss create(double realLabel) {
            return new NonSaturatingLoss(realLabel);
        }
    }

    /** {@code minimax}: {@link MinimaxLoss}. */
    public static final class Minimax implements LossProvider {
        @Override
        public String name() {
            return "minimax";
        }

        @Override
        public String description() {
            return "sigmoid cross-entropy for D, log(1 - D(G(z))) for G: the original minimax game";
        }

        @Override
        public GanLoss create(double realLabel) {
            return new MinimaxLoss(realLabel);
        }
    }

    /** {@code least-squares}: {@link LeastSquaresLoss}. */
    public static final class LeastSquares implements LossProvider {
        @Override
        public String name() {
            return "least-squares";
        }

        @Override
        public String description() {
            return "LSGAN (Mao et al. 2017): D's logits regress to 1 (real) and 0 (fake), G's to 1";
        }

        @Override
        public GanLoss create(double realLabel) {
            return new LeastSquaresLoss(realLabel);
        }
    }

    /** {@code hinge}: {@link HingeLoss}. */
    public static final class Hinge implements LossProvider {
        @Override
        public String name() {
            return "hinge";
        }

        @Override
        public String description() {
            return "hinge loss (geometric GAN, SAGAN): max(0, 1 - x) on real and max(0, 1 + x) on fake for D, -x for G";
        }

        @Override
        public GanLoss create(double realLabel) {
            if (realLabel != 1) {
                throw new IllegalArgumentException("the hinge loss has no label to smooth: the real label must be 1, not " + realLabel);
            }
            return new HingeLoss();
        }
    }
}
