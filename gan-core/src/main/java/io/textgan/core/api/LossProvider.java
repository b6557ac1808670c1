package io.textgan.core.api;

/**
 * A named {@link GanLoss}, found through {@link java.util.ServiceLoader}: implement it and list the class in
 * {@code META-INF/services/io.textgan.core.api.LossProvider}; {@code gan train --loss NAME} then trains with it.
 */
public interface LossProvider extends NamedProvider {

    /**
     * @param realLabel the discriminator's target for real pairs: 1, or less for one-sided label smoothing; a loss
     *                  without such a target refuses anything but 1 with an {@link IllegalArgumentException}
     */
    GanLoss create(double realLabel);
}
