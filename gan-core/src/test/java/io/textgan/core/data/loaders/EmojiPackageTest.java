package io.textgan.core.data.loaders;

import io.textgan.core.data.DataOptions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.textgan.core.data.loaders.Fixtures.image;
import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmojiPackageTest {
    private static final String INDEX = """
            [
              {"name": "HEART HANDS", "unified": "1FAF6", "image": "1faf6.png", "short_names": ["heart_hands"],
               "category": "People & Body", "subcategory": "hands",
               "skin_variations": {
                 "1F3FD": {"unified": "1FAF6-1F3FD", "image": "1faf6-1f3fd.png"},
                 "1F3FB-1F3FF": {"unified": "1FAF6-1F3FB-1F3FF", "image": "1faf6-1f3fb-1f3ff.png"}}},
              {"name": "Vatican City Flag", "unified": "1F1FB-1F1E6", "image": "1f1fb-1f1e6.png", "short_names": ["flag-va"],
               "category": "Flags", "subcategory": "country-flag"},
              {"name": "RED APPLE", "unified": "1F34E", "image": "1f34e.png", "short_names": ["apple"],
               "category": "Food & Drink", "subcategory": "food-fruit"}
            ]
            """;

    @TempDir
    Path tmp;

    /** An unpacked package as npm packs it: package/emoji.json and package/img/twitter/64/; the apple's image is missing. */
    private Path unpacked() throws IOException {
        Path root = tmp.resolve("unpacked");
        Files.createDirectories(root.resolve("package"));
        Files.writeString(root.resolve("package/emoji.json"), INDEX);
        Path images = root.resolve("package/img/twitter/64");
        image(images.resolve("1faf6.png"), new Color(255, 200, 0, 0), 64, 64);
        image(images.resolve("1faf6-1f3fd.png"), new Color(160, 110, 70), 64, 64);
        image(images.resolve("1faf6-1f3fb-1f3ff.png"), new Color(0, 0, 255, 128), 64, 64);
        image(images.resolve("1f1fb-1f1e6.png"), Color.YELLOW, 64, 64);
        Files.writeString(root.resolve("package/README.md"), "not an image");
        return root;
    }

    private Path packed(Path unpacked) throws IOException {
        Path archive = tmp.resolve("emoji-datasource-twitter-16.0.0.tgz");
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file));
             Stream<Path> walk = Files.walk(unpacked)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry(unpacked.relativize(p).toString());
                entry.setSize(Files.size(p));
                tar.putArchiveEntry(entry);
                tar.write(Files.readAllBytes(p));
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    @Test
    void theUnpackedFolderAndTheTgzGiveTheSameItems() throws IOException {
        Path folder = unpacked();
        Dataset fromFolder = DataSources.open(request(folder, tmp.resolve("cache"), 16));
        Dataset fromArchive = DataSources.open(request(packed(folder), tmp.resolve("cache"), 16));

        for (Dataset d : List.of(fromFolder, fromArchive)) {
            assertEquals(4, d.all().size());
            assertEquals(4, d.training().size());
            assertNull(d.heldOut());
            assertEquals("emoji package (twitter)", d.report().layout());
            assertEquals(2, d.report().classes());
            assertEquals(List.of(new SkippedFile("img/twitter/64/1f34e.png", "listed in emoji.json but not in the package")),
                    d.report().skipped());
            assertTrue(d.all().captions(1).contains("heart hands, medium skin tone"), d.all().captions(1).toString());
            assertTrue(d.all().captions(2).contains("heart hands, light and dark skin tones"), d.all().captions(2).toString());
            assertTrue(d.all().captions(3).contains("the flag of vatican city"), d.all().captions(3).toString());
            assertEquals(0xFFFFFF, rgb(d, 0, 5, 5), "fully transparent: the white background");
            assertEquals(0xA06E46, rgb(d, 1, 5, 5));
            int halfBlue = rgb(d, 2, 5, 5);
            assertTrue(Math.abs((halfBlue >> 16) - 127) <= 1 && (halfBlue & 0xFF) == 255, Integer.toHexString(halfBlue));
        }
        assertEquals("emoji-datasource-twitter-16.0.0", fromArchive.name());
    }

    @Test
    void theBackgroundIsConfigurable() throws IOException {
        Path folder = unpacked();
        Dataset d = DataSources.open(new DataRequest(folder.resolve("package").toString(),
                new DataOptions("center", false, "black", 1), 16, 1, 0, tmp.resolve("cache")));
        assertEquals(0x000000, rgb(d, 0, 5, 5));
        int halfBlue = rgb(d, 2, 5, 5);
        assertTrue((halfBlue >> 8) == 0 && Math.abs((halfBlue & 0xFF) - 128) <= 1, Integer.toHexString(halfBlue));
    }

    @Test
    void captionsInSeveralPhrasings() {
        assertEquals(List.of("heart hands, medium skin tone", "heart hands, medium skin tone, people and body",
                        "an emoji of heart hands, medium skin tone", "heart hands, medium skin tone (hands)"),
                EmojiCaptions.of("HEART HANDS", List.of("heart_hands"), "People & Body", "hands", "1F3FD"));
        assertEquals(List.of("red apple", "a red apple, food and drink", "an emoji of a red apple", "a red apple (food fruit)", "apple"),
                EmojiCaptions.of("RED APPLE", List.of("apple"), "Food & Drink", "food-fruit", null));
        assertEquals(List.of("the flag of vatican city", "vatican city flag", "an emoji of the flag of vatican city",
                        "the flag of vatican city, country flag"),
                EmojiCaptions.of("Vatican City Flag", List.of("flag-va"), "Flags", "country-flag", null));
        assertEquals(", light and dark skin tones", EmojiCaptions.toneWords("1F3FB-1F3FF"));
        assertEquals(", dark skin tone", EmojiCaptions.toneWords("1F3FF-1F3FF"));
        assertTrue(EmojiCaptions.of("OWL", List.of("owl"), "Animals & Nature", "animal-bird", null).contains("an owl, animals and nature"));
    }
}
