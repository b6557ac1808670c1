package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.nn.Parameter;

import java.util.List;
import java.util.Random;

/**
 * An exponential moving average of a generator's weights (Yazıcı et al. 2019, "The Unusual Effectiveness of
 * Averaging in GAN Training"; used by ProGAN, StyleGAN and BigGAN): after each generator update, every trainable
 * weight of a second generator of the same architecture moves to {@code d·average + (1 − d)·trained}, and its saved
 * buffers (batch-norm running statistics) are copied. The decay warms up as {@code d = min(decay, (1 + t) / (10 + t))}
 * at update t, so that the average is not dominated by the untrained initial weights in short runs.
 */
public final class GeneratorAverage {
    private final double decay;
    private final List<Parameter> trained;
    private final TextToImageModel averaged;
    private int updates;

    /**
     * Starts the average at the model's current generator weights (for a restored run: the average saved with the
     * checkpoint, before the trained weights are restored over them).
     */
    public GeneratorAverage(TextToImageModel model, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the average's decay must be in (0, 1): " + decay);
        }
        this.decay = decay;
        this.trained = model.generator().parameters();
        Generator copy = ModelRegistry.get(ModelProvider.GeneratorProvider.class, model.config().generator())
                .create(model.config(), new Random(0));
        this.averaged = new TextToImageModel(model.config(), model.vocabulary(), model.textEncoder(), copy);
        List<Parameter> target = copy.parameters();
        for (int i = 0; i < target.size(); i++) {
            target.get(i).value().assign(trained.get(i).value());
        }
    }

    /** Folds the trained generator's current weights into the average. */
    public void update() {
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        List<Parameter> target = averaged.generator().parameters();
        for (int i = 0; i < target.size(); i++) {
            Parameter source = trained.get(i);
            if (source.isTrainable()) {
                target.get(i).value().muli(d).addi(source.value().mul(1 - d));
            } else {
                target.get(i).value().assign(source.value());
            }
        }
        updates++;
    }

    /** Continues the warm-up count of a restored run. */
    public void resumeAt(int completedUpdates) {
        this.updates = completedUpdates;
    }

    /** The model with the averaged generator: what samples are drawn with and what a checkpoint generates with. */
    public TextToImageModel model() {
        return averaged;
    }
}
