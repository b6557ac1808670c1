import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Builds a "one caption, many images" data set from an emoji-datasource npm package: every 64×64 image (skin-tone
 * variations included) gets one caption made of a colour word measured from its pixels and a noun for its
 * category, "a yellow face", "a red food", "an orange hand", so each caption covers many different images. Where
 * fewer than ten images share a colour and a noun, the caption is the noun alone ("a drink").
 *
 * <pre>
 * npm pack emoji-datasource-twitter@16.0.0
 * java docs/data/BuildEmojiManifest.java emoji-datasource-twitter-16.0.0.tgz emoji-colour/
 * </pre>
 *
 * Writes {@code OUT/img/*.png} (the package's 64×64 images, unchanged) and {@code OUT/manifest.jsonl} with one row
 * per image: {@code {"image": "img/….png", "caption": "a yellow face", "split": "train"}}; one image in ten (chosen
 * by a hash of its file name, so the choice does not depend on the order) has {@code "split": "test"}. Prints how
 * many images each caption covers. Needs only a JDK (17+): the package is read with a small tar reader, emoji.json
 * with a small JSON reader.
 */
public final class BuildEmojiManifest {

    /** Category/subcategory → noun. Subcategories not listed take their category's noun. */
    private static final Map<String, String> NOUNS = new LinkedHashMap<>();

    static {
        NOUNS.put("Smileys & Emotion", "face");
        NOUNS.put("Smileys & Emotion/heart", "heart");
        NOUNS.put("Smileys & Emotion/emotion", "symbol");
        NOUNS.put("Smileys & Emotion/cat-face", "animal");
        NOUNS.put("Smileys & Emotion/monkey-face", "animal");
        NOUNS.put("People & Body", "person");
        NOUNS.put("People & Body/family", "family");
        NOUNS.put("People & Body/person-sport", "athlete");
        NOUNS.put("People & Body/hands", "hand");
        NOUNS.put("People & Body/hand-fingers-open", "hand");
        NOUNS.put("People & Body/hand-fingers-partial", "hand");
        NOUNS.put("People & Body/hand-single-finger", "hand");
        NOUNS.put("People & Body/hand-fingers-closed", "hand");
        NOUNS.put("People & Body/hand-prop", "hand");
        NOUNS.put("People & Body/body-parts", "hand");
        NOUNS.put("Animals & Nature", "animal");
        NOUNS.put("Animals & Nature/plant-flower", "plant");
        NOUNS.put("Animals & Nature/plant-other", "plant");
        NOUNS.put("Food & Drink", "food");
        NOUNS.put("Food & Drink/drink", "drink");
        NOUNS.put("Food & Drink/dishware", "drink");
        NOUNS.put("Travel & Places", "place");
        NOUNS.put("Travel & Places/transport-ground", "vehicle");
        NOUNS.put("Travel & Places/transport-air", "vehicle");
        NOUNS.put("Travel & Places/transport-water", "vehicle");
        NOUNS.put("Travel & Places/sky & weather", "sky");
        NOUNS.put("Travel & Places/time", "clock");
        NOUNS.put("Activities", "activity");
        NOUNS.put("Objects", "object");
        NOUNS.put("Objects/clothing", "garment");
        NOUNS.put("Symbols", "symbol");
        NOUNS.put("Flags", "flag");
        // "Component" (skin-tone swatches, hair pieces) is left out
    }

    /** A colour goes into a noun's caption only where at least this many images share both. */
    private static final int MIN_IMAGES = 10;

    private static String article(String words) {
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java BuildEmojiManifest.java emoji-datasource-VENDOR-VERSION.tgz OUT_DIR");
            System.exit(2);
        }
        Map<String, byte[]> files = readTarGz(Path.of(args[0]));
        byte[] json = files.get("package/emoji.json");
        if (json == null) throw new IllegalArgumentException("no package/emoji.json in " + args[0]);
        String vendor = files.keySet().stream().filter(n -> n.matches("package/img/[^/]+/64/.+\\.png"))
                .map(n -> n.split("/")[2]).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no package/img/*/64/*.png in " + args[0]));

        Path out = Path.of(args[1]);
        Files.createDirectories(out.resolve("img"));
        Map<String, Integer> perCaption = new TreeMap<>();
        Map<String, Integer> perColourNoun = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        int written = 0, held = 0, missing = 0;
        try (Writer manifest = Files.newBufferedWriter(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            for (Object o : (List<?>) new Json(new String(json, StandardCharsets.UTF_8)).value()) {
                Map<?, ?> emoji = (Map<?, ?>) o;
                String category = (String) emoji.get("category");
                String noun = NOUNS.getOrDefault(category + "/" + emoji.get("subcategory"), NOUNS.get(category));
                if (noun == null) continue;
                List<String> images = new ArrayList<>();
                images.add((String) emoji.get("image"));
                if (emoji.get("skin_variations") instanceof Map<?, ?> skins) {
                    for (Object skin : skins.values()) images.add((String) ((Map<?, ?>) skin).get("image"));
                }
                for (String image : images) {
                    byte[] png = files.get("package/img/" + vendor + "/64/" + image);
                    if (png == null) { missing++; continue; }
                    Files.write(out.resolve("img").resolve(image), png);
                    String colour = colourWord(ImageIO.read(new ByteArrayInputStream(png)));
                    rows.add(new String[] {image, colour, noun});
                    perColourNoun.merge(colour + " " + noun, 1, Integer::sum);
                }
            }
            for (String[] row : rows) {
                String image = row[0], colourNoun = row[1] + " " + row[2];
                // a colour that fewer than MIN_IMAGES images of this noun have is left out of the caption
                String caption = article(perColourNoun.get(colourNoun) >= MIN_IMAGES ? colourNoun : row[2]);
                boolean test = Math.floorMod(image.hashCode(), 10) == 0;
                manifest.write("{\"image\": \"img/" + image + "\", \"caption\": \"" + caption
                        + "\", \"split\": \"" + (test ? "test" : "train") + "\"}\n");
                perCaption.merge(caption, 1, Integer::sum);
                written++;
                if (test) held++;
            }
        }
        List<Integer> counts = new ArrayList<>(perCaption.values());
        counts.sort(null);
        System.out.printf("%d images (%d held out as test), %d captions, %d images missing from the package%n",
                written, held, perCaption.size(), missing);
        System.out.printf("images per caption: min %d, median %d, max %d; %d captions (%d images) cover >= 10 images%n",
                counts.get(0), counts.get(counts.size() / 2), counts.get(counts.size() - 1),
                counts.stream().filter(c -> c >= 10).count(),
                counts.stream().filter(c -> c >= 10).mapToInt(Integer::intValue).sum());
        perCaption.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
    }

    /**
     * The colour name most of the image's visible pixels have (each weighted by its opacity): black, white and grey
     * by brightness where a pixel has little saturation, else a hue name; dark oranges and reds are brown.
     */
    static String colourWord(BufferedImage image) {
        Map<String, Double> weight = new HashMap<>();
        float[] hsb = new float[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                if (alpha < 0.5) continue;
                java.awt.Color.RGBtoHSB((argb >> 16) & 255, (argb >> 8) & 255, argb & 255, hsb);
                weight.merge(colourName(hsb[0] * 360, hsb[1], hsb[2]), alpha, Double::sum);
            }
        }
        return weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("white");
    }

    static String colourName(double hue, double saturation, double brightness) {
        if (brightness < 0.2) return "black";
        if (saturation < 0.18) return brightness > 0.85 ? "white" : brightness < 0.45 ? "black" : "grey";
        if (hue < 15 || hue >= 345) return brightness < 0.55 ? "brown" : "red";
        if (hue < 40) return brightness < 0.7 ? "brown" : "orange";
        if (hue < 70) return "yellow";
        if (hue < 165) return "green";
        if (hue < 255) return "blue";
        if (hue < 290) return "purple";
        return "pink";
    }

    /** Every regular file of a .tar.gz, by its path. */
    static Map<String, byte[]> readTarGz(Path tgz) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            String longName = null;
            while (true) {
                in.readFully(header);
                if (header[0] == 0) break;                               // end of archive
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) name = prefix + "/" + name;
                byte[] data = new byte[Math.toIntExact(size)];
                in.readFully(data);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') longName = paxPath(data);                // a pax header names the next entry
                else if (type == '0' || type == 0) {
                    files.put(longName != null ? longName : name, data);
                    longName = null;
                }
            }
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxPath(byte[] pax) {
        for (String line : new String(pax, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf(" path=");
            if (eq >= 0) return line.substring(eq + 6);
        }
        return null;
    }

    /** Just enough JSON: objects (as maps), arrays (as lists), strings, numbers, true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) { this.s = s; }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') { i++; return map; }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') return map;
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') { i++; return list; }
                while (true) {
                    list.add(value());
                    skip();
                    if (s.charAt(i++) == ']') return list;
                }
            }
            if (c == '"') return string();
            int start = i;
            while (i < s.length() && ",]} \n\r\t".indexOf(s.charAt(i)) < 0) i++;
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
