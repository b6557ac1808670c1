package io.textgan.spark;

import java.io.Serializable;

/** The driver's generator and discriminator as they are before a job: every value, buffers included (flat, {@link Flat}). */
record StepWeights(float[] generator, float[] discriminator) implements Serializable {

    long bytes() {
        return 4L * (generator.length + discriminator.length);
    }
}
