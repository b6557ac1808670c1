import io.textgan.core.NativeBuild;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapeCaptions;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.data.shapes.ShapesSplit;
import io.textgan.core.metrics.ShapesAttributeChecker;
import io.textgan.core.nn.AdamOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Can the generator draw shapes at all, given the frozen text encoder of a run? Trains a freshly initialised generator
 * of the run's configuration without a discriminator, by the L1 distance to the real image of a fully specified
 * training caption (Adam, 1e-3, batch 64), then measures held-out prompts with the pixel checker. A diagnostic for
 * docs/QUALITY.md, not a training method (a caption that leaves things open has no single right image).
 * <pre>java -cp "gan-cli/target/gan-cli.jar:gan-cli/target/lib/*" docs/quality/SupervisedGenerator.java RUN/checkpoints/epoch-0009 1200</pre>
 */
public class SupervisedGenerator {
    public static void main(String[] args) throws Exception {
        NativeBuild.select();
        TextToImageModel model = TextToImageModel.load(Path.of(args[0]));
        int steps = Integer.parseInt(args[1]);
        Generator g = model.generator();
        Generator fresh = ModelRegistry.get(ModelProvider.GeneratorProvider.class, model.config().generator()).create(model.config(), new Random(5));
        for (int i = 0; i < g.parameters().size(); i++) {
            g.parameters().get(i).value().assign(fresh.parameters().get(i).value());
        }
        AdamOptimizer optimizer = new AdamOptimizer(g.parameters(), 1e-3, 0.5, 0.999);
        ShapesSource data = new ShapesSource(ShapesSplit.training(), 8192, 32, 42, 0);
        Random rng = new Random(1);
        for (int step = 1; step <= steps; step++) {
            List<BufferedImage> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (int j = 0; j < 64; j++) {
                int i = rng.nextInt(data.size());
                images.add(data.image(i));
                captions.add(data.captions(i).get(0));
            }
            INDArray diff = g.generate(model.noise(64, rng), model.encode(captions), true).sub(ImageArrays.toArray(images, 32));
            g.zeroGradients();
            g.backward(Transforms.sign(diff).divi(diff.length()));
            optimizer.step();
            if (step % 100 == 0) {
                System.out.printf("step %d  L1 %.4f%n", step, Transforms.abs(diff).meanNumber().doubleValue());
            }
        }
        List<ShapeAttributes> heldOut = ShapesSplit.heldOut();
        List<String> prompts = new ArrayList<>();
        for (ShapeAttributes a : heldOut) {
            prompts.add(ShapeCaptions.caption(a, rng));
        }
        INDArray drawn = g.generate(model.noise(heldOut.size(), rng), model.encode(prompts), true);
        int shape = 0, colour = 0, size = 0;
        for (int k = 0; k < heldOut.size(); k++) {
            var seen = ShapesAttributeChecker.measure(ImageArrays.toImage(drawn, k));
            shape += heldOut.get(k).shape() == seen.shape() ? 1 : 0;
            colour += heldOut.get(k).color() == seen.color() ? 1 : 0;
            size += heldOut.get(k).size() == seen.size() ? 1 : 0;
        }
        int n = heldOut.size();
        System.out.printf("held-out prompts (%d): shape %.2f  colour %.2f  size %.2f%n", n, shape / (double) n, colour / (double) n, size / (double) n);
    }
}
