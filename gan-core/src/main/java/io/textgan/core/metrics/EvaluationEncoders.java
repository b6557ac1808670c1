package io.textgan.core.metrics;

import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.checkpoint.ArrayFile;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.TextEncoderPretrainer;
import io.textgan.core.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The evaluation's own image–text matching model, never used in training: a fresh {@code conv} image encoder and a
 * fresh text encoder of the run's architecture, trained from a fixed seed with the contrastive matching loss on the
 * data's training images and captions only. Its image vectors are the feature space of the local Fréchet and kernel
 * distances (no downloaded Inception weights exist here), and the pair ranks captions for R-precision. It is trained
 * once per data set, image size, seed, steps and vocabulary and kept in the cache folder beside the decoded images.
 */
public final class EvaluationEncoders {
    /** The image encoder architecture of the evaluation, whatever the run pre-trained with. */
    public static final String IMAGE_ENCODER = "conv";
    public static final int DEFAULT_STEPS = 400;
    public static final int BATCH_SIZE = 64;
    public static final long DEFAULT_SEED = 0;
    private static final int FORMAT = 1;
    private static final double LEARNING_RATE = 1e-3;
    private static final int LOG_EVERY = 100;
    private static final int CHUNK = 64;
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationEncoders.class);

    private final Spec spec;
    private final ImageEncoder imageEncoder;
    private final TextEncoder textEncoder;
    private final Path file;
    private final boolean loaded;

    /**
     * What the evaluation encoders are trained on and how; equal specs give the same weights, and the cache file's
     * name is a hash of all of it.
     *
     * @param data       the data's identity: {@code shapes} or its absolute path
     * @param dataSize   number of training items
     * @param options    how the images were read (the background and crop change the pixels)
     * @param model      the run's model: its image size and text encoder architecture (name, sizes, pooling,
     *                   tokens) are used, its weights are not
     * @param vocabulary the run's vocabulary (the text encoder reads its ids)
     * @param steps      matching-loss training steps at batch {@value #BATCH_SIZE} (smaller where the data is)
     * @param seed       seed of the weights and batch order
     */
    public record Spec(String data, int dataSize, DataOptions options, ModelConfig model, Vocabulary vocabulary,
                       int steps, long seed) {
        public Spec {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(vocabulary, "vocabulary");
            if (dataSize < 2) {
                throw new IllegalArgumentException("the evaluation encoders need at least 2 training images: " + dataSize);
            }
            if (steps <= 0) {
                throw new IllegalArgumentException("evaluation encoder steps must be positive: " + steps);
            }
            if (vocabulary.size() != model.vocabularySize()) {
                throw new IllegalArgumentException("the vocabulary has " + vocabulary.size() + " entries, the model expects " + model.vocabularySize());
            }
        }

        /** A hash of everything that changes the trained weights, for the cache file's name. */
        String key() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ModelConfig m = model;
                String settings = String.join("|", "format " + FORMAT, data, "items " + dataSize, options.crop(),
                        options.background().toLowerCase(java.util.Locale.ROOT), "size " + m.imageSize(), "seed " + seed,
                        "steps " + steps, "batch " + BATCH_SIZE, IMAGE_ENCODER, m.textEncoder(), "embedding " + m.embeddingSize(),
                        "text " + m.textSize(), m.pooling(), "max " + m.maxTokens(), m.tokens());
                sha.update(settings.getBytes(StandardCharsets.UTF_8));
                for (String word : vocabulary.words()) {
                    sha.update((word + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 12));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }

        /** A readable name for the cache file: the data's file or folder name. */
        String shortName() {
            String name = Path.of(data).getFileName() == null ? "data" : Path.of(data).getFileName().toString();
            return name.replaceAll("[^A-Za-z0-9._-]+", "_");
        }
    }

    private EvaluationEncoders(Spec spec, ImageEncoder imageEncoder, TextEncoder textEncoder, Path file, boolean loaded) {
        this.spec = spec;
        this.imageEncoder = imageEncoder;
        this.textEncoder = textEncoder;
        this.file = file;
        this.loaded = loaded;
    }

    /**
     * The encoders of {@code spec} from the cache folder, or trained now on {@code training} (the data's training
     * split, never held-out items) and written there.
     */
    public static EvaluationEncoders loadOrTrain(Path cacheDirectory, Spec spec, CaptionedImageSource training) throws IOException {
        if (training.size() != spec.dataSize()) {
            throw new IllegalArgumentException("the spec says " + spec.dataSize() + " training items, the data has " + training.size());
        }
        Random rng = new Random(spec.seed());
        ImageEncoder image = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, IMAGE_ENCODER).create(spec.model(), rng);
        TextEncoder text = ModelRegistry.get(ModelProvider.TextEncoderProvider.class, spec.model().textEncoder()).create(spec.model(), rng);
        Path file = cacheDirectory.resolve(spec.shortName() + "-" + spec.model().imageSize() + "px-eval-encoders-" + spec.key() + ".bin");
        Map<String, INDArray> arrays = arrays(image, text);
        if (Files.isRegularFile(file)) {
            try {
                ArrayFile.readInto(file, arrays);
                LOG.info("evaluation encoders from the cache {}", file);
                return new EvaluationEncoders(spec, image, text, file, true);
            } catch (IOException e) {
                LOG.warn("cannot read the evaluation encoders {} ({}); training them again", file, e.getMessage());
            }
        }
        train(spec, image, text, training);
        Files.createDirectories(cacheDirectory);
        ArrayFile.write(file, arrays);
        LOG.info("evaluation encoders written to {}", file);
        return new EvaluationEncoders(spec, image, text, file, false);
    }

    private static void train(Spec spec, ImageEncoder image, TextEncoder text, CaptionedImageSource training) {
        int batch = Math.min(BATCH_SIZE, training.size());
        LOG.info("training the evaluation encoders (local features, never used in training): {} steps at batch {} on {} training images",
                spec.steps(), batch, training.size());
        long start = System.nanoTime();
        TextEncoderPretrainer pretrainer = new TextEncoderPretrainer(text, image, spec.vocabulary(), spec.model().maxTokens());
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEncoderStep(int step, int steps, double loss, double accuracy) {
                if (step % LOG_EVERY == 0 || step == steps) {
                    LOG.info("evaluation encoders: step {} of {}, matching loss {}, in-batch accuracy {}%", step, steps,
                            String.format(java.util.Locale.ROOT, "%.3f", loss), String.format(java.util.Locale.ROOT, "%.1f", 100 * accuracy));
                }
            }
        };
        try (BatchSampler sampler = new BatchSampler(training, batch, spec.model().imageSize(), spec.seed())) {
            pretrainer.train(sampler, spec.steps(), LEARNING_RATE, 0.9, List.of(progress), GradientHealth.guardOnly());
        }
        LOG.info("evaluation encoders trained in {} s", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }

    private static Map<String, INDArray> arrays(ImageEncoder image, TextEncoder text) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Parameter p : image.parameters()) {
            arrays.put("image/" + p.name(), p.value());
        }
        for (Parameter p : text.parameters()) {
            arrays.put("text/" + p.name(), p.value());
        }
        return arrays;
    }

    /** What these encoders were trained on and how. */
    public Spec spec() {
        return spec;
    }

    /** The cache file the weights were read from or written to. */
    public Path file() {
        return file;
    }

    /** Whether the weights came from the cache rather than being trained by this call. */
    public boolean loadedFromCache() {
        return loaded;
    }

    /** Length of the feature vectors. */
    public int dimensions() {
        return spec.model().textSize();
    }

    /** Feature vectors of images [N, 3, S, S] in [-1, 1]: the image encoder's output in inference mode. */
    public double[][] imageFeatures(INDArray images) {
        return imageEncoder.encode(images, false).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** Feature vectors of images, read and encoded {@value #CHUNK} at a time. */
    public double[][] imageFeatures(List<BufferedImage> images) {
        List<double[]> rows = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += CHUNK) {
            INDArray batch = ImageArrays.toArray(images.subList(from, Math.min(images.size(), from + CHUNK)), spec.model().imageSize());
            rows.addAll(Arrays.asList(imageFeatures(batch)));
            batch.close();
        }
        return rows.toArray(new double[0][]);
    }

    /** Sentence vectors of captions in the matching space. */
    public double[][] textFeatures(List<String> captions) {
        List<double[]> rows = new ArrayList<>(captions.size());
        for (int from = 0; from < captions.size(); from += 256) {
            List<String> chunk = captions.subList(from, Math.min(captions.size(), from + 256));
            INDArray v = textEncoder.encode(spec.vocabulary().encode(chunk, spec.model().maxTokens()), false);
            rows.addAll(Arrays.asList(v.castTo(DataType.DOUBLE).toDoubleMatrix()));
        }
        return rows.toArray(new double[0][]);
    }
}
