package io.textgan.core.data.loaders;

import io.textgan.core.checkpoint.Json;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emoji images of the {@code emoji-datasource-<set>} npm packages: {@code emoji.json} and
 * {@code img/<set>/64/<image>.png}, read from the unpacked package folder or straight from the {@code .tgz} that
 * {@code npm pack} downloads. Every emoji and every skin-tone variation is one item, captioned by
 * {@link EmojiCaptions} and labelled with its category; everything is training data.
 */
final class EmojiPackage {
    static final String INDEX = "emoji.json";
    private static final String PACKAGE_DIR = "package";
    private static final Pattern INDEX_ENTRY = Pattern.compile("(?:\\./)?(?:[^/]+/)?emoji\\.json");
    private static final Pattern IMAGE_ENTRY = Pattern.compile("(?:\\./)?(?:[^/]+/)?img/([^/]+)/64/([^/]+\\.png)");

    private EmojiPackage() {
    }

    static boolean matches(Path dir) {
        return Files.isRegularFile(dir.resolve(INDEX)) || Files.isRegularFile(dir.resolve(PACKAGE_DIR).resolve(INDEX));
    }

    static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".tgz") || name.endsWith(".tar.gz");
    }

    static Catalog readDirectory(Path dir) throws IOException {
        Path root = Files.isRegularFile(dir.resolve(INDEX)) ? dir : dir.resolve(PACKAGE_DIR);
        Path imageRoot = root.resolve("img");
        TreeSet<String> sets = new TreeSet<>();
        if (Files.isDirectory(imageRoot)) {
            try (Stream<Path> dirs = Files.list(imageRoot)) {
                dirs.filter(d -> Files.isDirectory(d.resolve("64"))).forEach(d -> sets.add(d.getFileName().toString()));
            }
        }
        String set = onlySet(sets, dir);
        Map<String, ImageBytes> images = new HashMap<>();
        for (Path file : ImageFiles.walk(imageRoot.resolve(set).resolve("64"))) {
            images.put(file.getFileName().toString(), FileImage.of(file));
        }
        return catalog(Json.tree(Files.readAllBytes(root.resolve(INDEX))), set, images);
    }

    static Catalog readArchive(Path archive) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(archive, BasicFileAttributes.class);
        String identity = archive.toAbsolutePath().normalize() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        byte[] index = null;
        TreeSet<String> sets = new TreeSet<>();
        Map<String, Map<String, ImageBytes>> imagesBySet = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextTarEntry(); entry != null; entry = tar.getNextTarEntry()) {
                if (!entry.isFile()) {
                    continue;
                }
                Matcher image = IMAGE_ENTRY.matcher(entry.getName());
                if (INDEX_ENTRY.matcher(entry.getName()).matches()) {
                    index = tar.readAllBytes();
                } else if (image.matches()) {
                    sets.add(image.group(1));
                    imagesBySet.computeIfAbsent(image.group(1), k -> new HashMap<>())
                            .put(image.group(2), new ArchivedImage(identity, entry.getName(), tar.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + archive + " as a .tar.gz archive: " + e.getMessage(), e);
        }
        if (index == null) {
            throw new IOException(archive + " has no " + INDEX + ": not an emoji-datasource package");
        }
        String set = onlySet(sets, archive);
        return catalog(Json.tree(index), set, imagesBySet.get(set));
    }

    private static String onlySet(TreeSet<String> sets, Path where) throws IOException {
        if (sets.size() != 1) {
            throw new IOException(where + (sets.isEmpty() ? " has no 64-pixel images (img/<set>/64/)"
                    : " holds several image sets (" + String.join(", ", sets) + "); use a package with one, e.g. emoji-datasource-twitter"));
        }
        return sets.first();
    }

    private static Catalog catalog(JsonNode emoji, String set, Map<String, ImageBytes> images) throws IOException {
        if (!emoji.isArray()) {
            throw new IOException(INDEX + " is not a list of emoji");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (JsonNode e : emoji) {
            String name = e.path("name").asText("");
            if (name.isBlank()) {
                skipped.add(new SkippedFile(INDEX + " entry " + e.path("unified").asText("?"), "no name"));
                continue;
            }
            List<String> shortNames = new ArrayList<>();
            e.path("short_names").forEach(n -> shortNames.add(n.asText()));
            String category = e.path("category").asText("");
            String subcategory = e.path("subcategory").asText("");
            add(entries, skipped, set, images, e.path("image").asText(""),
                    EmojiCaptions.of(name, shortNames, category, subcategory, null), category);
            for (Iterator<Map.Entry<String, JsonNode>> tones = e.path("skin_variations").fields(); tones.hasNext(); ) {
                Map.Entry<String, JsonNode> tone = tones.next();
                add(entries, skipped, set, images, tone.getValue().path("image").asText(""),
                        EmojiCaptions.of(name, shortNames, category, subcategory, tone.getKey()), category);
            }
        }
        return new Catalog("emoji package (" + set + ")", entries, skipped);
    }

    private static void add(List<CatalogEntry> entries, List<SkippedFile> skipped, String set,
                            Map<String, ImageBytes> images, String file, List<String> captions, String category) {
        String name = "img/" + set + "/64/" + file;
        ImageBytes image = images.get(file);
        if (image == null) {
            skipped.add(new SkippedFile(name, "listed in " + INDEX + " but not in the package"));
        } else {
            entries.add(new CatalogEntry(name, image, captions, category, false));
        }
    }
}
