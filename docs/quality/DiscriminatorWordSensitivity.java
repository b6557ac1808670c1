import io.textgan.core.*;
import io.textgan.core.api.*;
import io.textgan.core.data.*;
import io.textgan.core.data.shapes.*;
import io.textgan.core.checkpoint.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.nio.file.*;
import java.util.*;

/**
 * How much does a run's discriminator care about each word? Scores held-out real images with their caption and with
 * the caption after swapping one attribute (shape, colour, position), and prints the mean logits.
 * <pre>java -cp "gan-cli/target/gan-cli.jar:gan-cli/target/lib/*" docs/quality/DiscriminatorWordSensitivity.java RUN/checkpoints/epoch-0009</pre>
 */
public class DiscriminatorWordSensitivity {
    public static void main(String[] a) throws Exception {
        NativeBuild.select();
        Path dir = Path.of(a[0]);
        TextToImageModel m = TextToImageModel.load(dir);
        Discriminator d = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, m.config().discriminator()).create(m.config(), new Random(1));
        WeightFile.readInto(dir, "discriminator", d.parameters());
        Random r = new Random(5);
        List<ShapeAttributes> ho = ShapesSplit.heldOut();
        List<java.awt.image.BufferedImage> imgs = new ArrayList<>();
        List<String> right = new ArrayList<>(), wShape = new ArrayList<>(), wColour = new ArrayList<>(), wPos = new ArrayList<>();
        for (ShapeAttributes x : ho) {
            imgs.add(ShapesRenderer.render(x, 32, r));
            right.add(x.canonicalCaption());
            ShapeKind[] k = ShapeKind.values(); ObjectColor[] c = ObjectColor.values(); Position[] p = Position.values();
            wShape.add(new ShapeAttributes(x.background(), x.color(), k[(x.shape().ordinal()+1+r.nextInt(k.length-1))%k.length], x.size(), x.position()).canonicalCaption());
            ObjectColor oc; do { oc = c[r.nextInt(c.length)]; } while (oc == x.color() || oc.rgb() == x.background().rgb());
            wColour.add(new ShapeAttributes(x.background(), oc, x.shape(), x.size(), x.position()).canonicalCaption());
            wPos.add(new ShapeAttributes(x.background(), x.color(), x.shape(), x.size(), p[(x.position().ordinal()+1+r.nextInt(p.length-1))%p.length]).canonicalCaption());
        }
        INDArray im = ImageArrays.toArray(imgs, 32);
        double base = d.score(im, m.encode(right), false).meanNumber().doubleValue();
        System.out.printf("mean logit right %.3f | shape swapped %.3f | colour swapped %.3f | position swapped %.3f%n", base,
            d.score(im, m.encode(wShape), false).meanNumber().doubleValue(),
            d.score(im, m.encode(wColour), false).meanNumber().doubleValue(),
            d.score(im, m.encode(wPos), false).meanNumber().doubleValue());
        INDArray fake = m.generate(right, m.noise(right.size(), r));
        System.out.printf("generated, right caption %.3f%n", d.score(fake, m.encode(right), false).meanNumber().doubleValue());
    }
}
