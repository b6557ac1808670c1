package io.textgan.core.metrics;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Quality figures of a text-to-image model on any captioned data, in the feature space of {@link EvaluationEncoders}:
 * local Fréchet and kernel distances between generated and real images, each beside the same figure between two
 * disjoint halves of the real images (what a perfect generator would score); R-precision of generated images beside
 * that of the real ones (the ceiling); and the spread of images generated for one prompt, relative to real images that
 * share a caption. The real side is measured once, when this is built; {@link #evaluate} measures a model.
 * <p>
 * The real images are split into halves A and B. Images are generated for the captions of A and of B, and the
 * distance is the mean of d(generated for A, real B) and d(generated for B, real A), so that it rests on as many
 * images per side as the reference d(real A, real B): the Fréchet distance is biased by sample size, and this keeps
 * the two comparable.
 */
public final class DataEvaluation {
    public static final int DEFAULT_IMAGES = 1000;
    static final int DIVERSITY_PROMPTS = 32;
    static final int DIVERSITY_IMAGES = 8;
    private static final int CHUNK = 64;

    /**
     * @param images real images to use, at most (and as many generated); capped by what the data has, at least 4
     * @param seed   fixes which real images, which of their captions, the noise and the R-precision draws
     */
    public record Options(int images, long seed) {
        public Options {
            if (images < 4) {
                throw new IllegalArgumentException("the evaluation needs at least 4 images: " + images);
            }
        }
    }

    /**
     * @param generated     the distance between generated and real images
     * @param realVsReal    the same between two disjoint halves of the real images
     * @param imagesPerSide images on each side of each distance
     */
    public record Distance(double generated, double realVsReal, int imagesPerSide) {
    }

    /**
     * @param generated  R-precision of generated images: their own caption ranked first among {@code candidates}
     * @param real       the same for the real images with the same captions and draws (the ceiling)
     * @param images     images ranked, each side
     * @param candidates captions ranked per image: 100, or fewer where fewer distinct captions exist
     */
    public record Retrieval(double generated, double real, int images, int candidates) {
    }

    /**
     * @param generated       mean feature distance between images generated for one prompt with different noise
     * @param real            the same between real images sharing a caption, or null where no caption is shared
     * @param ratio           generated / real, or null without a real reference
     * @param prompts         prompts measured
     * @param imagesPerPrompt generated images per prompt
     */
    public record Diversity(double generated, Double real, Double ratio, int prompts, int imagesPerPrompt) {
    }

    /**
     * @param features       what the feature space is
     * @param realImages     {@code held-out}, or {@code training sample} where the data has no held-out split
     * @param images         real images used (as many generated, plus the diversity prompts' images)
     * @param fdLocal        Fréchet distance in the local features
     * @param kidLocal       kernel distance (KID) in the local features
     * @param rPrecision     R-precision in the evaluation's matching model
     * @param diversity      spread of the images of one prompt
     */
    public record Report(String features, String realImages, int images, Distance fdLocal, Distance kidLocal,
                         Retrieval rPrecision, Diversity diversity) {

        /** The figures as lines for people, each with the images it rests on. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("features: " + features);
            lines.add(String.format(Locale.ROOT, "real images: %d %s", images,
                    "held-out".equals(realImages) ? "held-out images" : "training images (the data has no held-out split)"));
            lines.add(String.format(Locale.ROOT, "FD_local     %10.4f   real-vs-real %10.4f   (%d generated vs %d real images; real-vs-real: two halves of %d)",
                    fdLocal.generated(), fdLocal.realVsReal(), fdLocal.imagesPerSide(), fdLocal.imagesPerSide(), fdLocal.imagesPerSide()));
            lines.add(String.format(Locale.ROOT, "KID_local    %10.5f   real-vs-real %10.5f   (%d generated vs %d real images; real-vs-real: two halves of %d)",
                    kidLocal.generated(), kidLocal.realVsReal(), kidLocal.imagesPerSide(), kidLocal.imagesPerSide(), kidLocal.imagesPerSide()));
            lines.add(String.format(Locale.ROOT, "R-precision  %9.1f%%   real images  %9.1f%%   (%d images, own caption among %d%s)",
                    100 * rPrecision.generated(), 100 * rPrecision.real(), rPrecision.images(), rPrecision.candidates(),
                    rPrecision.candidates() < RPrecision.CANDIDATES ? ": fewer than " + RPrecision.CANDIDATES + " distinct captions exist" : ""));
            if (diversity.ratio() != null) {
                lines.add(String.format(Locale.ROOT, "diversity    %10.3f   (generated %.4f / real %.4f; %d prompts x %d images, real images sharing those captions)",
                        diversity.ratio(), diversity.generated(), diversity.real(), diversity.prompts(), diversity.imagesPerPrompt()));
            } else {
                lines.add(String.format(Locale.ROOT, "diversity    %10.4f   (raw mean feature distance, %d prompts x %d images; no real reference: no caption is shared by several real images)",
                        diversity.generated(), diversity.prompts(), diversity.imagesPerPrompt()));
            }
            return lines;
        }
    }

    private final EvaluationEncoders encoders;
    private final Options options;
    private final String realImages;
    private final List<String> captions;
    private final double[][] realFeatures;
    private final int[] ownCaption;
    private final double[][] captionVectors;
    private final int candidates;
    private final double realRPrecision;
    private final double realVsRealFd;
    private final double realVsRealKid;
    private final List<String> diversityPrompts;
    private final Double realDiversity;
    private double[] lastFingerprint;
    private Report lastReport;

    /**
     * Measures the real side.
     *
     * @param real     the real images: the data's held-out split, or its training items where it has none
     * @param heldOut  whether {@code real} is a held-out split (said in the report)
     * @param encoders the evaluation's feature extractor and matching model
     */
    public DataEvaluation(CaptionedImageSource real, boolean heldOut, EvaluationEncoders encoders, Options options) {
        this.encoders = encoders;
        this.options = options;
        this.realImages = heldOut ? "held-out" : "training sample";
        int n = Math.min(options.images(), real.size());
        if (n < 4) {
            throw new IllegalArgumentException("the evaluation needs at least 4 real images; the data has " + real.size());
        }
        Random rng = new Random(options.seed());
        List<Integer> order = new ArrayList<>(IntStream.range(0, real.size()).boxed().toList());
        Collections.shuffle(order, rng);
        List<Integer> items = order.subList(0, n);
        List<BufferedImage> images = new ArrayList<>(n);
        List<String> chosen = new ArrayList<>(n);
        for (int item : items) {
            images.add(real.image(item));
            List<String> c = real.captions(item);
            chosen.add(c.get(rng.nextInt(c.size())));
        }
        this.captions = List.copyOf(chosen);
        this.realFeatures = encoders.imageFeatures(images);

        // the caption pool of R-precision: every distinct caption of the chosen real images
        Map<String, Integer> pool = new LinkedHashMap<>();
        Map<String, List<Integer>> sharing = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            for (String c : real.captions(items.get(i))) {
                pool.putIfAbsent(c, pool.size());
                List<Integer> group = sharing.computeIfAbsent(c, k -> new ArrayList<>());
                if (!group.contains(i)) {
                    group.add(i);
                }
            }
        }
        if (pool.size() < 2) {
            throw new IllegalArgumentException("R-precision needs at least 2 different captions; the real images have " + pool.size());
        }
        this.captionVectors = encoders.textFeatures(new ArrayList<>(pool.keySet()));
        this.ownCaption = captions.stream().mapToInt(pool::get).toArray();
        this.candidates = Math.min(RPrecision.CANDIDATES, pool.size());
        this.realRPrecision = RPrecision.measure(realFeatures, ownCaption, captionVectors, candidates, options.seed()).precision();

        int half = n / 2;
        double[][] a = rows(realFeatures, 0, half);
        double[][] b = rows(realFeatures, half, 2 * half);
        this.realVsRealFd = FrechetDistance.between(a, b);
        this.realVsRealKid = KernelDistance.between(a, b);

        List<Map.Entry<String, List<Integer>>> groups = new ArrayList<>(sharing.entrySet().stream().filter(e -> e.getValue().size() >= 2).toList());
        Collections.shuffle(groups, rng);
        int prompts = Math.min(DIVERSITY_PROMPTS, Math.max(1, n / DIVERSITY_IMAGES));
        if (!groups.isEmpty()) {
            List<Map.Entry<String, List<Integer>>> used = groups.subList(0, Math.min(prompts, groups.size()));
            this.diversityPrompts = used.stream().map(Map.Entry::getKey).toList();
            this.realDiversity = FeatureDiversity.meanPairwiseDistance(used.stream()
                    .map(e -> e.getValue().stream().limit(DIVERSITY_IMAGES).map(i -> realFeatures[i]).toArray(double[][]::new))
                    .toList());
        } else {
            this.diversityPrompts = captions.stream().distinct().limit(prompts).toList();
            this.realDiversity = null;
        }
    }

    /** The real images and captions used. */
    public int images() {
        return captions.size();
    }

    /** The feature extractor and matching model measured with. */
    public EvaluationEncoders encoders() {
        return encoders;
    }

    /**
     * Measures a model. The same weights give the same report (the noise comes from the seed), so the report of the
     * last weights measured is kept and returned again: training asks once for the log and once for the best checkpoint.
     */
    public Report evaluate(TextToImageModel model) {
        double[] fingerprint = fingerprint(model);
        if (lastReport != null && java.util.Arrays.equals(fingerprint, lastFingerprint)) {
            return lastReport;
        }
        int n = captions.size();
        int half = n / 2;
        Random noise = new Random(options.seed() + 1);
        double[][] generated = generatedFeatures(model, captions, noise);
        double[][] genA = rows(generated, 0, half);
        double[][] genB = rows(generated, half, 2 * half);
        double[][] realA = rows(realFeatures, 0, half);
        double[][] realB = rows(realFeatures, half, 2 * half);
        double fd = (FrechetDistance.between(genA, realB) + FrechetDistance.between(genB, realA)) / 2;
        double kid = (KernelDistance.between(genA, realB) + KernelDistance.between(genB, realA)) / 2;
        double rPrecision = RPrecision.measure(generated, ownCaption, captionVectors, candidates, options.seed()).precision();

        List<double[][]> groups = new ArrayList<>();
        for (String prompt : diversityPrompts) {
            groups.add(generatedFeatures(model, Collections.nCopies(DIVERSITY_IMAGES, prompt), noise));
        }
        double spread = FeatureDiversity.meanPairwiseDistance(groups);
        Diversity diversity = new Diversity(spread, realDiversity, realDiversity == null || realDiversity == 0 ? null : spread / realDiversity,
                diversityPrompts.size(), DIVERSITY_IMAGES);
        Report report = new Report(features(), realImages, n, new Distance(fd, realVsRealFd, half),
                new Distance(kid, realVsRealKid, half), new Retrieval(rPrecision, realRPrecision, n, candidates), diversity);
        lastFingerprint = fingerprint;
        lastReport = report;
        return report;
    }

    private String features() {
        return String.format(Locale.ROOT, "local (no Inception weights here): the %d-d output of the evaluation's own image encoder, "
                        + "trained %d steps on the training images (%s%s)", encoders.dimensions(), encoders.spec().steps(),
                encoders.file().getFileName(), encoders.loadedFromCache() ? ", from the cache" : "");
    }

    private double[][] generatedFeatures(TextToImageModel model, List<String> prompts, Random noise) {
        double[][] out = new double[prompts.size()][];
        for (int from = 0; from < prompts.size(); from += CHUNK) {
            List<String> chunk = prompts.subList(from, Math.min(prompts.size(), from + CHUNK));
            INDArray images = model.generate(chunk, model.noise(chunk.size(), noise));
            double[][] f = encoders.imageFeatures(images);
            images.close();
            System.arraycopy(f, 0, out, from, f.length);
        }
        return out;
    }

    /** A cheap summary of the weights that changes whenever they do. */
    private static double[] fingerprint(TextToImageModel model) {
        List<Parameter> all = new ArrayList<>(model.generator().parameters());
        all.addAll(model.textEncoder().parameters());
        double[] f = new double[2 * all.size()];
        for (int i = 0; i < all.size(); i++) {
            INDArray v = all.get(i).value();
            f[2 * i] = v.sumNumber().doubleValue();
            f[2 * i + 1] = v.norm2Number().doubleValue();
        }
        return f;
    }

    private static double[][] rows(double[][] x, int from, int to) {
        return java.util.Arrays.copyOfRange(x, from, to);
    }
}
