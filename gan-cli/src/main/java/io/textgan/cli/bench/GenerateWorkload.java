package io.textgan.cli.bench;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.shapes.ShapeAttributes;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

/** Warm generation: {@code batch} images from {@code batch} different prompts with a loaded model. */
final class GenerateWorkload implements Workload {
    private final TextToImageModel model;
    private final List<String> prompts;
    private final INDArray noise;

    GenerateWorkload(TextToImageModel model, int batch) {
        this.model = model;
        List<ShapeAttributes> all = ShapeAttributes.all();
        this.prompts = java.util.stream.IntStream.range(0, batch)
                .mapToObj(i -> all.get(i * 7 % all.size()).canonicalCaption()).toList();
        this.noise = model.noise(batch, new Random(1));
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public int imagesPerStep() {
        return prompts.size();
    }

    @Override
    public long multiplyAddsPerStep() {
        return prompts.size() * (model.textEncoder().multiplyAdds() + model.generator().multiplyAdds());
    }

    @Override
    public void step(PhaseTimer timer) {
        INDArray text = timer.time("text_encoder", () -> model.encode(prompts));
        timer.time("generator", () -> model.generator().generate(noise, text, false));
    }
}
