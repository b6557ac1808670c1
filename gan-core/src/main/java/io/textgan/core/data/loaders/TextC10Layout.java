package io.textgan.core.data.loaders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text-to-image layout of CUB-200-2011 and Oxford-102 as Reed et al. 2016 published it: {@code text_c10/<class>/<image>.txt}
 * with one caption a line, and the image of the same name anywhere else under the root ({@code images/<class>/} in
 * CUB, {@code jpg/} in Oxford-102).
 * <p>
 * Classes are split disjointly, as in the literature: {@code testclasses.txt} in the root names the held-out classes,
 * one {@code text_c10} folder name a line; without it, {@code trainvalclasses.txt} names the training classes and the
 * others are held out; without either, every fifth class in name order (the 5th, 10th, …: 20%) is held out.
 */
final class TextC10Layout {
    static final String TEXT_DIR = "text_c10";
    static final String HELD_OUT_CLASSES = "testclasses.txt";
    static final String TRAINING_CLASSES = "trainvalclasses.txt";
    private static final Logger LOG = LoggerFactory.getLogger(TextC10Layout.class);

    private TextC10Layout() {
    }

    static boolean matches(Path dir) {
        return Files.isDirectory(dir.resolve(TEXT_DIR));
    }

    static Catalog read(Path root) throws IOException {
        Path textRoot = root.resolve(TEXT_DIR);
        Map<String, List<Path>> imagesByStem = new HashMap<>();
        ImageFiles images = new ImageFiles();
        for (Path p : ImageFiles.walk(root)) {
            if (!p.startsWith(textRoot) && images.isImage(p)) {
                imagesByStem.computeIfAbsent(ImageFiles.stem(p), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> classes;
        try (Stream<Path> dirs = Files.list(textRoot)) {
            classes = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        Set<String> heldOut = heldOutClasses(root, classes);
        List<CatalogEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (String label : classes) {
            for (Path text : ImageFiles.walk(textRoot.resolve(label))) {
                if (!"txt".equals(ImageFiles.extension(text))) {
                    continue;
                }
                String name = root.relativize(text).toString();
                List<String> captions = CaptionFiles.read(text);
                List<Path> candidates = imagesByStem.getOrDefault(ImageFiles.stem(text), List.of());
                if (captions.isEmpty()) {
                    skipped.add(new SkippedFile(name, "no captions in the file"));
                } else if (candidates.isEmpty()) {
                    skipped.add(new SkippedFile(name, "no image named " + ImageFiles.stem(text) + ".* under the data folder"));
                } else {
                    Path image = candidates.stream().filter(p -> p.getParent().getFileName().toString().equals(label))
                            .findFirst().orElse(candidates.get(0));
                    entries.add(new CatalogEntry(root.relativize(image).toString(), FileImage.of(image), captions, label,
                            heldOut.contains(label)));
                }
            }
        }
        return new Catalog(TEXT_DIR + " (CUB / Oxford-102)", entries, skipped);
    }

    private static Set<String> heldOutClasses(Path root, List<String> classes) throws IOException {
        Set<String> heldOut = new HashSet<>();
        if (Files.isRegularFile(root.resolve(HELD_OUT_CLASSES))) {
            heldOut.addAll(listed(root.resolve(HELD_OUT_CLASSES), classes));
        } else if (Files.isRegularFile(root.resolve(TRAINING_CLASSES))) {
            Set<String> training = listed(root.resolve(TRAINING_CLASSES), classes);
            classes.stream().filter(c -> !training.contains(c)).forEach(heldOut::add);
        } else {
            for (int i = 4; i < classes.size(); i += 5) {
                heldOut.add(classes.get(i));
            }
        }
        LOG.info("{} of {} classes held out", heldOut.size(), classes.size());
        return heldOut;
    }

    private static Set<String> listed(Path splitFile, List<String> classes) throws IOException {
        Set<String> listed = new HashSet<>(CaptionFiles.read(splitFile));
        listed.stream().filter(c -> !classes.contains(c)).forEach(c ->
                LOG.warn("{} names {}, which is not a folder of {}", splitFile.getFileName(), c, TEXT_DIR));
        return listed;
    }
}
