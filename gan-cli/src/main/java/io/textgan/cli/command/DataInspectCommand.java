package io.textgan.cli.command;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.WordCounts;
import io.textgan.core.data.loaders.DataReport;
import io.textgan.core.data.loaders.DataSources;
import io.textgan.core.data.loaders.Dataset;
import io.textgan.core.data.loaders.SkippedFile;
import io.textgan.core.sample.SampleGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code gan data inspect DATA}: what training would read — counts, skipped files and why, vocabulary, caption lengths —
 * and a preview grid of random images with their captions in a text file beside it.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show what 'gan train --data DATA' would read: counts, skipped files and why, vocabulary, caption lengths, and a preview grid.")
public final class DataInspectCommand implements Callable<Integer> {
    private static final int COLUMNS = 8;
    private static final int TOP_WORDS = 12;
    private static final int SKIPPED_SHOWN = 100;
    private static final int HISTOGRAM_BINS = 12;
    private static final int BAR = 40;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "shapes, a folder, a .jsonl or .csv manifest, or an emoji-datasource .tgz.")
    String data;

    @Option(names = "--preview", description = "Random images in the preview grid (0: none). Default: ${DEFAULT-VALUE}.")
    int preview = 32;

    @Option(names = "--out", description = "Preview grid PNG; its captions go to the same name ending in .txt, one line per image, "
            + "row by row. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("data-preview.png");

    @Option(names = "--image-size", description = "Image side in pixels, as 'gan train --image-size' (the images decoded here "
            + "are cached for training at that size). Default: ${DEFAULT-VALUE}.")
    int imageSize = TrainCommand.DEFAULT_IMAGE_SIZE;

    @Option(names = "--min-word-count", description = "Vocabulary cut-off, as in 'gan train'. Default: ${DEFAULT-VALUE}.")
    int minWordCount = DataOptions.defaults().minWordCount();

    @Mixin
    TokenOptions tokenOptions;

    @Option(names = "--seed", description = "Picks the preview images. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Mixin
    DataSourceOptions dataSource;

    @Override
    public Integer call() throws IOException {
        if (preview < 0) {
            throw new IllegalArgumentException("--preview must not be negative: " + preview);
        }
        ModelConfig.defaults(imageSize); // refuses the sizes that gan train refuses
        Tokenizer tokenizer = tokenOptions.tokenizer();
        DataOptions options = new DataOptions("center", false, dataSource.background, minWordCount);
        long start = System.nanoTime();
        Dataset dataset = DataSources.open(dataSource.request(data, options, imageSize, seed));
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        DataReport r = dataset.report();
        o.printf("data        %s%n", r.location());
        o.printf("layout      %s%n", r.layout());
        o.printf("images      %d (%d training, %d held out)%n", r.images(), r.trainingImages(), r.heldOutImages());
        o.printf("captions    %d (%.1f per image)%n", r.captions(), (double) r.captions() / r.images());
        o.printf("classes     %s%n", r.classes() > 0 ? Integer.toString(r.classes()) : "none in this layout");
        o.printf("opened in   %.1f s: %s%n", seconds, r.cacheFile() == null ? "drawn, not decoded"
                : r.decodedNow() > 0 ? r.decodedNow() + " files decoded into " + r.cacheFile() : "decoded images from " + r.cacheFile());
        skipped(o, r.skipped());
        List<String> captions = allCaptions(dataset.all());
        vocabulary(o, dataset.training(), captions, tokenizer);
        lengths(o, captions, tokenizer);
        if (preview > 0) {
            writePreview(o, dataset.all());
        }
        return 0;
    }

    private static List<String> allCaptions(CaptionedImageSource source) {
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            captions.addAll(source.captions(i));
        }
        return captions;
    }

    private static void skipped(PrintWriter o, List<SkippedFile> skipped) {
        o.printf("skipped     %d%s%n", skipped.size(), skipped.isEmpty() ? "" : ":");
        skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> o.printf("  %s%n", s));
        if (skipped.size() > SKIPPED_SHOWN) {
            o.printf("  ... and %d more%n", skipped.size() - SKIPPED_SHOWN);
        }
    }

    private void vocabulary(PrintWriter o, CaptionedImageSource training, List<String> captions, Tokenizer tokenizer) {
        int tokens = Vocabulary.build(training, minWordCount, tokenizer).size() - 2;
        o.printf("vocabulary  %d %s seen at least %d time%s in the training captions (+ padding and unknown-%s tokens)%n",
                tokens, tokenizer.plural(), minWordCount, minWordCount == 1 ? "" : "s", tokenizer == Tokenizer.CHAR ? "character" : "word");
        List<Map.Entry<String, Integer>> top = WordCounts.of(captions, tokenizer).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WORDS).toList();
        o.printf("%-11s %s%n", tokenizer == Tokenizer.CHAR ? "top chars" : "top words",
                String.join(", ", top.stream().map(e -> shown(e.getKey()) + " " + e.getValue()).toList()));
    }

    /** A token as a person can read it in a list: the space as "space", invisible characters as U+XXXX. */
    private static String shown(String token) {
        if (token.equals(" ")) {
            return "space";
        }
        if (token.codePointCount(0, token.length()) != 1) {
            return token;
        }
        int cp = token.codePointAt(0);
        int type = Character.getType(cp);
        boolean invisible = type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        return invisible ? String.format("U+%04X", cp) : token;
    }

    private static void lengths(PrintWriter o, List<String> captions, Tokenizer tokenizer) {
        int[] lengths = captions.stream().mapToInt(c -> tokenizer.tokens(c).size()).toArray();
        int longest = IntStream.of(lengths).max().orElse(0);
        int width = Math.max(1, (longest + HISTOGRAM_BINS - 1) / HISTOGRAM_BINS);
        int[] bins = new int[(longest + width - 1) / width + 1];
        for (int length : lengths) {
            bins[Math.max(0, length - 1) / width]++;
        }
        int most = IntStream.of(bins).max().orElse(1);
        int maxTokens = tokenizer.defaultMaxTokens();
        o.printf("caption length in %s (longest %d; %d longer than %d, which training cuts by default):%n", tokenizer.plural(),
                longest, IntStream.of(lengths).filter(l -> l > maxTokens).count(), maxTokens);
        for (int b = 0; b * width < Math.max(longest, 1); b++) {
            String range = width == 1 ? Integer.toString(b + 1) : (b * width + 1) + "-" + (b + 1) * width;
            o.printf("  %7s %-" + BAR + "s %d%n", range, "#".repeat((int) Math.round((double) BAR * bins[b] / most)), bins[b]);
        }
    }

    private void writePreview(PrintWriter o, CaptionedImageSource all) throws IOException {
        Random rng = new Random(seed);
        List<Integer> order = new ArrayList<>(IntStream.range(0, all.size()).boxed().toList());
        Collections.shuffle(order, rng);
        List<Integer> chosen = order.subList(0, Math.min(preview, order.size()));
        List<BufferedImage> images = chosen.stream().map(all::image).toList();
        List<String> captions = chosen.stream().map(all::captions).map(c -> c.get(rng.nextInt(c.size()))).toList();
        int columns = Math.min(COLUMNS, images.size());
        SampleGrid.write(SampleGrid.render(ImageArrays.toArray(images, imageSize), columns), out);
        Path text = out.resolveSibling(out.getFileName().toString().replaceFirst("(?i)\\.png$", "") + ".txt");
        Files.write(text, captions);
        o.printf("preview     %s (%d images, %d a row; their captions in %s)%n", out, images.size(), columns, text);
    }
}
