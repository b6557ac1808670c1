package io.textgan.spark;

import java.io.Serializable;

/**
 * Which gradient a job computes: the discriminator's, or the generator's {@code k}-th update of the step (through the
 * discriminator as updated before it).
 */
record Phase(boolean discriminator, int generatorUpdate) implements Serializable {
    static final Phase DISCRIMINATOR = new Phase(true, 0);

    static Phase generator(int k) {
        return new Phase(false, k);
    }

    @Override
    public String toString() {
        return discriminator ? "discriminator" : "generator " + generatorUpdate;
    }
}
