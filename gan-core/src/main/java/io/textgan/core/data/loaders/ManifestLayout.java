package io.textgan.core.data.loaders;

import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.Tokenizer;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Manifests: JSON Lines ({@code .jsonl}, one object a line) or CSV ({@code .csv}, RFC 4180 with a header row). Each row
 * gives an image path, relative to the manifest's folder or absolute, in {@code image} (or {@code file},
 * {@code file_name}); a caption in {@code caption} (or {@code text}; in JSON Lines also {@code captions}, a list); and
 * optionally a {@code split}: {@code train} (also when absent or empty), or {@code test}, {@code val}, {@code valid},
 * {@code validation}, {@code heldout} for the held-out split. Rows naming the same image add captions to it.
 */
final class ManifestLayout {
    private static final List<String> IMAGE_FIELDS = List.of("image", "file", "file_name");
    private static final List<String> CAPTION_FIELDS = List.of("caption", "text", "captions");
    private static final Set<String> TRAINING = Set.of("", "train", "training");
    private static final Set<String> HELD_OUT = Set.of("test", "val", "valid", "validation", "heldout", "held-out");

    private ManifestLayout() {
    }

    static boolean matches(Path file) {
        String extension = ImageFiles.extension(file);
        return "jsonl".equals(extension) || "csv".equals(extension);
    }

    /** One row of a manifest: its line, image path, captions and split ("" when none), or what is wrong with it. */
    private record Row(int line, String image, List<String> captions, String split, String problem) {

        static Row unusable(int line, String problem) {
            return new Row(line, "", List.of(), "", problem);
        }
    }

    private record Item(List<String> captions, boolean heldOut) {
    }

    static Catalog read(Path manifest) throws IOException {
        String text = new String(Files.readAllBytes(manifest), StandardCharsets.UTF_8);
        List<SkippedFile> skipped = new ArrayList<>();
        List<Row> rows = "jsonl".equals(ImageFiles.extension(manifest)) ? jsonRows(text) : csvRows(text);
        Map<String, Item> items = new LinkedHashMap<>();
        for (Row row : rows) {
            String split = row.split().strip().toLowerCase(Locale.ROOT);
            List<String> captions = row.captions().stream().map(String::strip).filter(c -> !Tokenizer.words(c).isEmpty()).toList();
            if (row.problem() != null) {
                skipped.add(line(row.line(), row.problem()));
            } else if (row.image().isBlank()) {
                skipped.add(line(row.line(), "no image path (field image, file or file_name)"));
            } else if (captions.isEmpty()) {
                skipped.add(line(row.line(), "no caption (field caption or text)"));
            } else if (!TRAINING.contains(split) && !HELD_OUT.contains(split)) {
                skipped.add(line(row.line(), "unknown split '" + row.split() + "' (train, test, val or validation)"));
            } else {
                items.computeIfAbsent(row.image(), k -> new Item(new ArrayList<>(), HELD_OUT.contains(split))).captions().addAll(captions);
            }
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<CatalogEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Item> item : items.entrySet()) {
            Path image = base.resolve(item.getKey());
            if (Files.isRegularFile(image)) {
                entries.add(new CatalogEntry(item.getKey(), FileImage.of(image), item.getValue().captions(), null, item.getValue().heldOut()));
            } else {
                skipped.add(new SkippedFile(item.getKey(), "file not found"));
            }
        }
        return new Catalog("manifest (" + ImageFiles.extension(manifest) + ")", entries, skipped);
    }

    private static List<Row> jsonRows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = Json.tree(lines.get(i).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                rows.add(Row.unusable(i + 1, "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
                continue;
            }
            if (!object.isObject()) {
                rows.add(Row.unusable(i + 1, "not a JSON object"));
                continue;
            }
            List<String> captions = new ArrayList<>();
            for (String field : CAPTION_FIELDS) {
                JsonNode value = object.path(field);
                if (value.isArray()) {
                    value.forEach(c -> captions.add(c.asText()));
                } else if (value.isValueNode()) {
                    captions.add(value.asText());
                }
            }
            rows.add(new Row(i + 1, firstText(object, IMAGE_FIELDS), captions, object.path("split").asText(""), null));
        }
        return rows;
    }

    private static String firstText(JsonNode object, List<String> fields) {
        return fields.stream().map(object::path).filter(JsonNode::isTextual).map(JsonNode::asText).findFirst().orElse("");
    }

    private static List<Row> csvRows(String text) throws IOException {
        List<CsvRecords.Row> records = CsvRecords.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int image = firstColumn(header, IMAGE_FIELDS);
        int caption = firstColumn(header, CAPTION_FIELDS);
        if (image < 0 || caption < 0) {
            throw new IOException("the CSV header needs an image column (image, file or file_name) and a caption column"
                    + " (caption or text); it has: " + String.join(", ", header));
        }
        int split = header.indexOf("split");
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Row r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            if (f.size() != header.size()) {
                rows.add(Row.unusable(r.line(), f.size() + " fields where the header has " + header.size()));
            } else {
                rows.add(new Row(r.line(), f.get(image).strip(), List.of(f.get(caption)), split < 0 ? "" : f.get(split), null));
            }
        }
        return rows;
    }

    private static int firstColumn(List<String> header, List<String> names) {
        return names.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
    }

    private static SkippedFile line(int number, String reason) {
        return new SkippedFile("line " + number, reason);
    }
}
