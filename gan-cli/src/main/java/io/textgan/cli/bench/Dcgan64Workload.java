package io.textgan.cli.bench;

import io.textgan.core.api.LossGradient;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.AdamOptimizer;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;
import io.textgan.core.train.NonSaturatingLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

/**
 * The reference unconditional DCGAN at 64×64, layer for layer as other frameworks' benchmarks define it, so that
 * images per second can be compared: one step is a discriminator update on B real and B generated images, then a
 * generator update on B fresh noise vectors; Adam(2e-4, 0.5, 0.999); random "real" images. As in this project's
 * training, the generator's update backpropagates through the discriminator for the input gradient alone (its weight
 * gradients would be thrown away).
 */
final class Dcgan64Workload implements Workload {
    private static final int NOISE = 228;
    private static final double STD = 0.02;

    private final int batch;
    private final Random rng = new Random(1);
    private final Sequential generator;
    private final Sequential discriminator;
    private final AdamOptimizer generatorOptimizer;
    private final AdamOptimizer discriminatorOptimizer;
    private final NonSaturatingLoss loss = new NonSaturatingLoss();
    private final INDArray real;

    Dcgan64Workload(int batch) {
        this.batch = batch;
        generator = new Sequential(List.of(
                new Dense("g.fc", NOISE, 4 * 4 * 512, true, Init.normal(rng, STD, NOISE, 4 * 4 * 512)),
                new BatchNorm("g.fc_bn", 4 * 4 * 512), Activation.relu(), new Reshape(512, 4, 4),
                new Deconv2d("g.up1", 512, 256, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 256, 512)),
                new BatchNorm("g.up1_bn", 256), Activation.relu(),
                new Deconv2d("g.up2", 256, 128, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 128, 256)),
                new BatchNorm("g.up2_bn", 128), Activation.relu(),
                new Deconv2d("g.up3", 128, 64, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 64, 128)),
                new BatchNorm("g.up3_bn", 64), Activation.relu(),
                new Deconv2d("g.up4", 64, 3, 4, 2, 1, true, Init.normal(rng, STD, 4, 4, 3, 64)),
                Activation.tanh()));
        discriminator = new Sequential(List.of(
                new Conv2d("d.c1", 3, 64, 4, 2, 1, true, Init.normal(rng, STD, 4, 4, 3, 64)), Activation.leakyRelu(0.2),
                new Conv2d("d.c2", 64, 128, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 64, 128)),
                new BatchNorm("d.c2_bn", 128), Activation.leakyRelu(0.2),
                new Conv2d("d.c3", 128, 256, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 128, 256)),
                new BatchNorm("d.c3_bn", 256), Activation.leakyRelu(0.2),
                new Conv2d("d.c4", 256, 512, 4, 2, 1, false, Init.normal(rng, STD, 4, 4, 256, 512)),
                new BatchNorm("d.c4_bn", 512), Activation.leakyRelu(0.2),
                new Reshape(512 * 4 * 4),
                new Dense("d.fc", 512 * 4 * 4, 1, true, Init.normal(rng, STD, 512 * 4 * 4, 1))));
        generatorOptimizer = new AdamOptimizer(generator.parameters(), 2e-4, 0.5, 0.999);
        discriminatorOptimizer = new AdamOptimizer(discriminator.parameters(), 2e-4, 0.5, 0.999);
        real = Init.normal(rng, 0.5, batch, 3, 64, 64);
    }

    @Override
    public String name() {
        return "dcgan64";
    }

    @Override
    public int imagesPerStep() {
        return batch;
    }

    /**
     * G forward twice, G backward once, D forward three times, D backward twice with its weight gradients (≈ 2×
     * forward) and once, in the generator's update, with the input gradient alone (≈ 1× forward), as training does.
     */
    @Override
    public long multiplyAddsPerStep() {
        long g = generator.multiplyAdds(new long[]{NOISE});
        long d = discriminator.multiplyAdds(new long[]{3, 64, 64});
        return (long) batch * (2 * g + 2 * g + 3 * d + 4 * d + d);
    }

    @Override
    public void step(PhaseTimer timer) {
        INDArray noise = timer.time("data", () -> Init.normal(rng, 1, batch, NOISE));
        INDArray fake = timer.time("g_forward", () -> generator.forward(noise, true));
        discriminator.parameters().forEach(Parameter::zeroGradient);
        LossGradient onReal = loss.discriminator(timer.time("d_forward", () -> discriminator.forward(real, true)), true);
        timer.time("d_backward", () -> discriminator.backward(onReal.gradient()));
        LossGradient onFake = loss.discriminator(timer.time("d_forward", () -> discriminator.forward(fake, true)), false);
        timer.time("d_backward", () -> discriminator.backward(onFake.gradient()));
        timer.time("updaters", discriminatorOptimizer::step);

        INDArray freshNoise = timer.time("data", () -> Init.normal(rng, 1, batch, NOISE));
        INDArray fresh = timer.time("g_forward", () -> generator.forward(freshNoise, true));
        LossGradient fooled = loss.generator(timer.time("d_forward", () -> discriminator.forward(fresh, true)));
        INDArray gradFake = timer.time("d_backward", () -> discriminator.backwardInput(fooled.gradient()));
        timer.time("g_backward", () -> generator.backward(gradFake));
        timer.time("updaters", generatorOptimizer::step);
    }
}
