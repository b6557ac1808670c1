import io.textgan.core.*;
import io.textgan.core.api.*;
import io.textgan.core.data.*;
import io.textgan.core.data.shapes.*;
import io.textgan.core.metrics.*;
import io.textgan.core.checkpoint.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.nio.file.*;
import java.util.*;

/**
 * Does a run's generator draw what its frozen image encoder (the matching term's) reads, or only fool it? Draws each
 * held-out combination once and compares the attribute the encoder decodes (the nearest of the canonical captions)
 * with what the pixel checker measures; prints the asked-versus-measured shape counts (circle, square, triangle,
 * diamond).
 * <pre>java -cp "gan-cli/target/gan-cli.jar:gan-cli/target/lib/*" docs/quality/EncoderVersusPixels.java RUN/checkpoints/epoch-0009</pre>
 */
public class EncoderVersusPixels {
    public static void main(String[] a) throws Exception {
        NativeBuild.select();
        Path dir = Path.of(a[0]);
        TextToImageModel m = TextToImageModel.load(dir);
        ImageEncoder ie = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, "conv").create(m.config(), new Random(1));
        WeightFile.readInto(dir, "image-encoder", ie.parameters());
        List<ShapeAttributes> all = ShapeAttributes.all();
        List<String> refs = new ArrayList<>();
        for (ShapeAttributes x : all) refs.add(x.canonicalCaption());
        INDArray ref = m.encode(refs);
        Random r = new Random(3);
        int[] enc = new int[5], pix = new int[5]; int n = 0;
        int[][] conf = new int[4][4];
        List<ShapeAttributes> ho = ShapesSplit.heldOut();
        for (int i = 0; i < ho.size(); i += 32) {
            List<ShapeAttributes> xs = ho.subList(i, Math.min(ho.size(), i + 32));
            List<String> caps = new ArrayList<>();
            for (ShapeAttributes x : xs) caps.add(ShapeCaptions.caption(x, r));
            INDArray imgs = m.generate(caps, m.noise(xs.size(), r));
            INDArray e = ie.encode(imgs, false);
            INDArray sims = e.mmul(ref.transpose());
            
            for (int j = 0; j < xs.size(); j++) {
                ShapeAttributes x = xs.get(j), y = all.get(sims.getRow(j).argMax().getInt(0));
                var p = ShapesAttributeChecker.measure(ImageArrays.toImage(imgs, j));
                enc[2] += x.shape()==y.shape()?1:0; enc[1] += x.color()==y.color()?1:0; enc[3] += x.size()==y.size()?1:0;
                pix[2] += x.shape()==p.shape()?1:0; pix[1] += x.color()==p.color()?1:0; pix[3] += x.size()==p.size()?1:0;
                if (p.shape() != null) conf[x.shape().ordinal()][p.shape().ordinal()]++;
                n++;
            }
        }
        System.out.printf("n=%d encoder: colour %.2f shape %.2f size %.2f | pixels: colour %.2f shape %.2f size %.2f%n", n,
            enc[1]/(double)n, enc[2]/(double)n, enc[3]/(double)n, pix[1]/(double)n, pix[2]/(double)n, pix[3]/(double)n);
        System.out.println("asked→checked shape confusion " + Arrays.deepToString(conf));
    }
}
