package io.textgan.core.data.loaders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Images with their captions beside them: {@code photo.jpg} and {@code photo.txt} (one caption a line) in the same
 * folder, searched recursively. Everything is training data.
 */
final class SidecarLayout {
    private SidecarLayout() {
    }

    static Catalog read(Path root) throws IOException {
        List<Path> files = ImageFiles.walk(root);
        Set<Path> texts = new HashSet<>();
        files.stream().filter(p -> "txt".equals(ImageFiles.extension(p))).forEach(texts::add);
        Set<Path> used = new HashSet<>();
        ImageFiles images = new ImageFiles();
        List<CatalogEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path file : files) {
            if (!images.isImage(file)) {
                continue;
            }
            String name = root.relativize(file).toString();
            Path text = file.resolveSibling(ImageFiles.stem(file) + ".txt");
            if (!texts.contains(text)) {
                skipped.add(new SkippedFile(name, "no caption file " + text.getFileName()));
                continue;
            }
            used.add(text);
            List<String> captions = CaptionFiles.read(text);
            if (captions.isEmpty()) {
                skipped.add(new SkippedFile(root.relativize(text).toString(), "no captions in the file"));
            } else {
                entries.add(new CatalogEntry(name, FileImage.of(file), captions, null, false));
            }
        }
        texts.stream().filter(t -> !used.contains(t)).sorted()
                .forEach(t -> skipped.add(new SkippedFile(root.relativize(t).toString(), "no image with this name")));
        return new Catalog("images with caption files", entries, skipped);
    }
}
