package io.textgan.core.data.loaders;

import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.data.shapes.ShapesSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Opens the data that a {@code --data} string names. {@code shapes} is the built-in set (always, even where a folder
 * of that name exists: write {@code ./shapes} for the folder). A folder holding {@code text_c10/} is read as CUB /
 * Oxford-102 ({@link TextC10Layout}), one holding {@code emoji.json} or {@code package/emoji.json} as an emoji package
 * ({@link EmojiPackage}), any other folder as images with caption files ({@link SidecarLayout}); a {@code .jsonl} or
 * {@code .csv} file as a manifest ({@link ManifestLayout}); a {@code .tgz} or {@code .tar.gz} file as an emoji package.
 * Images are decoded once, into the {@link DecodedImageCache}; unreadable ones are skipped with a warning.
 */
public final class DataSources {
    public static final String SHAPES = "shapes";
    static final int SHAPES_HELD_OUT_ITEMS = 512;
    static final int SAMPLE_PROMPTS = 8;
    private static final int SKIPPED_LOGGED = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

    private DataSources() {
    }

    public static Dataset open(DataRequest request) throws IOException {
        if (SHAPES.equals(request.data())) {
            return shapes(request);
        }
        Path path = Path.of(request.data()).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IOException("no data at " + request.data() + ": give 'shapes', a folder of images, a .jsonl or .csv manifest, or an emoji .tgz");
        }
        Catalog catalog = catalog(path);
        String name = shortName(path);
        DataOptions options = request.options();
        DecodedImages decoded = DecodedImageCache.open(request.cacheDirectory(), name, catalog.entries(),
                options.storedSide(request.imageSize()), options.backgroundRgb());
        List<SkippedFile> skipped = new ArrayList<>(catalog.skipped());
        for (int i = 0; i < catalog.entries().size(); i++) {
            if (!decoded.readable(i)) {
                skipped.add(new SkippedFile(catalog.entries().get(i).name(), decoded.failure(i)));
            }
        }
        warn(skipped);
        CatalogSource all = new CatalogSource(path.toString(), catalog.entries(), decoded);
        if (all.size() == 0) {
            throw new IllegalArgumentException("no usable images in " + path + (skipped.isEmpty() ? ""
                    : ": " + skipped.size() + " skipped, the first " + skipped.get(0)));
        }
        List<Integer> training = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (all.entry(i).heldOut() ? heldOut : training).add(i);
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException("all " + all.size() + " images of " + path + " are held out: nothing to train on");
        }
        CaptionedImageSource trainingSource = new Subset(all, toArray(training));
        CaptionedImageSource heldOutSource = heldOut.isEmpty() ? null : new Subset(all, toArray(heldOut));
        int captions = IntStream.range(0, all.size()).map(i -> all.captions(i).size()).sum();
        int classes = (int) IntStream.range(0, all.size()).mapToObj(i -> all.entry(i).label()).filter(Objects::nonNull).distinct().count();
        DataReport report = new DataReport(catalog.layout(), path.toString(), all.size(), captions, classes,
                training.size(), heldOut.size(), skipped, decoded.file().toString(), decoded.decodedNow());
        LOG.info("{} ({}): {} images ({} training, {} held out), {} captions, {} skipped", path, catalog.layout(),
                all.size(), training.size(), heldOut.size(), captions, skipped.size());
        List<String> prompts = prompts(heldOutSource != null ? heldOutSource : trainingSource, request.seed());
        return new Dataset(name, all, trainingSource, heldOutSource, prompts, report);
    }

    private static Catalog catalog(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (TextC10Layout.matches(path)) {
                return TextC10Layout.read(path);
            }
            return EmojiPackage.matches(path) ? EmojiPackage.readDirectory(path) : SidecarLayout.read(path);
        }
        if (ManifestLayout.matches(path)) {
            return ManifestLayout.read(path);
        }
        if (EmojiPackage.isArchive(path)) {
            return EmojiPackage.readArchive(path);
        }
        throw new IllegalArgumentException("cannot read " + path + " as data: give a folder, a .jsonl or .csv manifest, or an emoji .tgz");
    }

    private static Dataset shapes(DataRequest request) {
        DataOptions options = request.options();
        if (options.flip()) {
            throw new IllegalArgumentException("shapes are never flipped: their captions say left and right");
        }
        if (!"center".equals(options.crop())) {
            throw new IllegalArgumentException("shapes are drawn at the model size: they take no random crops");
        }
        ShapesSource training = ShapesSource.training(request.shapesCount(), request.imageSize(), request.seed());
        ShapesSource heldOut = ShapesSource.heldOut(SHAPES_HELD_OUT_ITEMS, request.imageSize(), request.seed() + 1);
        int captions = IntStream.range(0, training.size()).map(i -> training.captions(i).size()).sum();
        DataReport report = new DataReport("shapes (built in)", SHAPES, training.size(), captions, 0, training.size(),
                heldOut.size(), List.of(), null, 0);
        return new Dataset(SHAPES, training, training, heldOut, ShapesSplit.spreadPrompts(SAMPLE_PROMPTS), report);
    }

    /** One caption each of up to 8 items chosen with the seed. */
    private static List<String> prompts(CaptionedImageSource source, long seed) {
        Random rng = new Random(seed);
        List<Integer> order = new ArrayList<>(IntStream.range(0, source.size()).boxed().toList());
        Collections.shuffle(order, rng);
        return order.subList(0, Math.min(SAMPLE_PROMPTS, order.size())).stream().map(source::captions)
                .map(c -> c.get(rng.nextInt(c.size()))).toList();
    }

    /** The data's file or folder name without its extension. */
    static String shortName(Path path) {
        String name = path.getFileName() == null ? "data" : path.getFileName().toString();
        return name.replaceFirst("(?i)(\\.tar\\.gz|\\.tgz|\\.jsonl|\\.csv)$", "");
    }

    private static void warn(List<SkippedFile> skipped) {
        skipped.stream().limit(SKIPPED_LOGGED).forEach(s -> LOG.warn("skipped {}", s));
        if (skipped.size() > SKIPPED_LOGGED) {
            LOG.warn("skipped {} more (all of them are listed in the data report)", skipped.size() - SKIPPED_LOGGED);
        }
    }

    private static int[] toArray(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
