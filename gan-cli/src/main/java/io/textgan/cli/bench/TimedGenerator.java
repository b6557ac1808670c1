package io.textgan.cli.bench;

import io.textgan.core.api.Generator;
import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * A generator that charges its forward and backward passes to the current step's {@link PhaseTimer} as
 * {@code g_forward} and {@code g_backward} (inside {@code gan_step}), so generators can be compared apart from the rest
 * of the step.
 */
final class TimedGenerator implements Generator {
    private final Generator generator;
    private PhaseTimer timer = new PhaseTimer();

    TimedGenerator(Generator generator) {
        this.generator = generator;
    }

    void timeWith(PhaseTimer stepTimer) {
        this.timer = stepTimer;
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        return timer.time("g_forward", () -> generator.generate(noise, text, training));
    }

    @Override
    public void backward(INDArray gradImages) {
        timer.time("g_backward", () -> generator.backward(gradImages));
    }

    @Override
    public double regularizationLoss() {
        return generator.regularizationLoss();
    }

    @Override
    public int noiseSize() {
        return generator.noiseSize();
    }

    @Override
    public List<Parameter> parameters() {
        return generator.parameters();
    }

    @Override
    public List<String> summary() {
        return generator.summary();
    }

    @Override
    public long multiplyAdds() {
        return generator.multiplyAdds();
    }

    @Override
    public Map<String, String> metadata() {
        return generator.metadata();
    }
}
