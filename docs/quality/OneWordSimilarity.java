import io.textgan.core.NativeBuild;
import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;

/**
 * How far apart does a run's text encoder put two captions that differ in one word? Prints the cosine similarity of
 * the text vectors for a caption and the same caption with its shape, colour, size, position or background word
 * changed, or a word replaced by a synonym.
 * <pre>java -cp "gan-cli/target/gan-cli.jar:gan-cli/target/lib/*" docs/quality/OneWordSimilarity.java RUN/checkpoints/epoch-0009</pre>
 */
public class OneWordSimilarity {
    public static void main(String[] args) throws Exception {
        NativeBuild.select();
        TextToImageModel model = TextToImageModel.load(Path.of(args[0]));
        String base = "a small red circle in the top right on a black background";
        String[][] pairs = {
                {base, "a small red square in the top right on a black background", "shape"},
                {base, "a small blue circle in the top right on a black background", "colour"},
                {base, "a large red circle in the top right on a black background", "size"},
                {base, "a small red circle in the top left on a black background", "position"},
                {base, "a small red circle in the top right on a white background", "background"},
                {base, "a little red circle in the top right on a black background", "synonym"},
                {"on grey, a little orange diamond", "on grey, a little orange circle", "shape"},
                {"on grey, a little orange diamond", "on gray, a little orange diamond", "synonym"}};
        for (String[] p : pairs) {
            INDArray v = model.encode(List.of(p[0], p[1]));
            INDArray x = v.getRow(0);
            INDArray y = v.getRow(1);
            double cosine = x.mul(y).sumNumber().doubleValue() / (x.norm2Number().doubleValue() * y.norm2Number().doubleValue());
            System.out.printf("%-10s %.3f  %s | %s%n", p[2], cosine, p[0], p[1]);
        }
    }
}
