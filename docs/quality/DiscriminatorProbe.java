import io.textgan.core.*;
import io.textgan.core.api.*;
import io.textgan.core.data.*;
import io.textgan.core.data.shapes.*;
import io.textgan.core.nn.AdamOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import java.nio.file.*;
import java.util.*;

/**
 * Can a fresh discriminator of the run's architecture learn each word from real images alone? Trains it (Adam 4e-4,
 * batch 64, sigmoid cross-entropy) on real training images with their right caption against the same caption with one
 * attribute swapped (shape, colour, size or position, a quarter each), with the run's frozen text encoder, and prints
 * every 100 steps how often a held-out image's right caption outscores each kind of swap (0.5: chance). With
 * {@code whiten [eps]} the text vectors are first whitened (ZCA over 4,096 training captions, eps times the mean
 * eigenvalue added).
 * <pre>java -cp "gan-cli/target/gan-cli.jar:gan-cli/target/lib/*" docs/quality/DiscriminatorProbe.java RUN/checkpoints/epoch-0009 600 [discriminator] [whiten [eps]]</pre>
 */
public class DiscriminatorProbe {
    static String swap(ShapeAttributes x, int what, Random r) {
        ShapeKind[] k = ShapeKind.values(); ObjectColor[] c = ObjectColor.values(); Position[] p = Position.values(); ShapeSize[] s = ShapeSize.values();
        switch (what) {
            case 0: return new ShapeAttributes(x.background(), x.color(), k[(x.shape().ordinal()+1+r.nextInt(k.length-1))%k.length], x.size(), x.position()).canonicalCaption();
            case 1: { ObjectColor oc; do { oc = c[r.nextInt(c.length)]; } while (oc == x.color() || oc.rgb() == x.background().rgb());
                return new ShapeAttributes(x.background(), oc, x.shape(), x.size(), x.position()).canonicalCaption(); }
            case 2: return new ShapeAttributes(x.background(), x.color(), x.shape(), s[1 - x.size().ordinal()], x.position()).canonicalCaption();
            default: return new ShapeAttributes(x.background(), x.color(), x.shape(), x.size(), p[(x.position().ordinal()+1+r.nextInt(p.length-1))%p.length]).canonicalCaption();
        }
    }
    public static void main(String[] a) throws Exception {
        NativeBuild.select();
        TextToImageModel m = TextToImageModel.load(Path.of(a[0]));
        int steps = Integer.parseInt(a[1]);
        String dname = a.length > 2 ? a[2] : m.config().discriminator();
        Discriminator d = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, dname).create(m.config(), new Random(1));
        AdamOptimizer opt = new AdamOptimizer(d.parameters(), 4e-4, 0.5, 0.999);
        ShapesSource data = new ShapesSource(ShapesSplit.training(), 8192, 32, 42, 0);
        Random r = new Random(3);
        String[] names = {"shape", "colour", "size", "position"};
        List<ShapeAttributes> ho = ShapesSplit.heldOut();
        Random hr = new Random(5);
        List<java.awt.image.BufferedImage> himgs = new ArrayList<>();
        List<String> hright = new ArrayList<>();
        List<List<String>> hwrong = new ArrayList<>();
        for (int w = 0; w < 4; w++) hwrong.add(new ArrayList<>());
        for (int rep = 0; rep < 4; rep++) for (ShapeAttributes x : ho) {
            himgs.add(ShapesRenderer.render(x, 32, hr)); hright.add(x.canonicalCaption());
            for (int w = 0; w < 4; w++) hwrong.get(w).add(swap(x, w, hr));
        }
        INDArray him = ImageArrays.toArray(himgs, 32);
        java.util.function.Function<List<String>, INDArray> enc = m::encode;
        if (a.length > 3 && a[3].equals("whiten")) {
            List<String> caps = new ArrayList<>();
            for (int i = 0; i < 4096; i++) caps.add(data.captions(i).get(0));
            INDArray t = m.encode(caps).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            INDArray mu = t.mean(0);
            INDArray c = t.subRowVector(mu);
            double[][] cov = c.transpose().mmul(c).divi(t.rows()).toDoubleMatrix();
            var eig = io.textgan.core.metrics.SymmetricEigen.of(cov);
            double[] lam = eig.values(); double[][] v = eig.vectors();
            double mean = 0; for (double l : lam) mean += l / lam.length;
            double eps = Double.parseDouble(a.length > 4 ? a[4] : "0.01") * mean;
            int k = lam.length; double[][] w = new double[k][k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) { double s2 = 0; for (int q = 0; q < k; q++) s2 += v[i][q] * v[j][q] / Math.sqrt(Math.max(lam[q], 0) + eps); w[i][j] = s2; }
            System.out.println("eigenvalues max " + java.util.Arrays.stream(lam).max().getAsDouble() + " min " + java.util.Arrays.stream(lam).min().getAsDouble() + " mean " + mean);
            INDArray W = Nd4j.createFromArray(w).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
            INDArray muF = mu.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
            enc = l -> m.encode(l).subRowVector(muF).mmul(W);
        }
        INDArray hRightText = enc.apply(hright);
        long t0 = System.currentTimeMillis();
        for (int step = 1; step <= steps; step++) {
            List<java.awt.image.BufferedImage> imgs = new ArrayList<>();
            List<String> right = new ArrayList<>(), wrong = new ArrayList<>();
            for (int j = 0; j < 64; j++) {
                int i = r.nextInt(data.size());
                imgs.add(data.image(i)); ShapeAttributes x = data.attributes(i);
                right.add(x.canonicalCaption()); wrong.add(swap(x, r.nextInt(4), r));
            }
            List<String> both = new ArrayList<>(right); both.addAll(wrong);
            INDArray logits = d.score(ImageArrays.toArray(imgs, 32), enc.apply(both), true);
            INDArray y = Nd4j.zeros(logits.dataType(), logits.shape());
            y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64)).assign(1);
            INDArray grad = Transforms.sigmoid(logits, true).sub(y).divi(64);
            d.zeroGradients();
            d.backward(grad);
            opt.step();
            if (step % 100 == 0 || step == steps) {
                INDArray lr = d.score(him, hRightText, false);
                StringBuilder sb = new StringBuilder(String.format("step %d (%.0f s):", step, (System.currentTimeMillis() - t0) / 1000.0));
                for (int w = 0; w < 4; w++) {
                    INDArray lw = d.score(him, enc.apply(hwrong.get(w)), false);
                    double acc = lr.gt(lw).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
                    sb.append(String.format("  %s %.2f", names[w], acc));
                }
                System.out.println(sb);
            }
        }
    }
}
