package io.textgan.core.data.loaders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.textgan.core.data.loaders.Fixtures.image;
import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.rgb;
import static io.textgan.core.data.loaders.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidecarLayoutTest {
    @TempDir
    Path tmp;

    @Test
    void imagesWithCaptionFilesAreFoundRecursivelyAndTheRestIsReportedWithReasons() throws IOException {
        Path root = tmp.resolve("photos");
        image(root.resolve("a.png"), Color.RED, 20, 10);
        text(root.resolve("a.txt"), "a red thing", "", "  something red  ");
        image(root.resolve("deep/er/b.jpg"), Color.BLUE, 12, 12);
        text(root.resolve("deep/er/b.txt"), "a blue thing");
        image(root.resolve("c.png"), Color.GREEN, 8, 8);
        image(root.resolve("d.png"), Color.GREEN, 8, 8);
        text(root.resolve("d.txt"), "", " ... ");
        text(root.resolve("notes.txt"), "not a caption");
        image(root.resolve(".thumbnails/e.png"), Color.GREEN, 8, 8);

        Dataset d = DataSources.open(request(root, tmp.resolve("cache"), 8));

        assertEquals(2, d.all().size());
        assertEquals(List.of("a red thing", "something red"), d.all().captions(0));
        assertEquals(List.of("a blue thing"), d.all().captions(1));
        assertEquals(0xFF0000, rgb(d, 0, 0, 0));
        assertTrue(Math.abs((rgb(d, 1, 4, 4) & 0xFF) - 0xFF) < 8, "blue, up to JPEG error");
        assertEquals(2, d.training().size());
        assertNull(d.heldOut());
        assertEquals("photos", d.name());
        assertEquals(List.of(new SkippedFile("c.png", "no caption file c.txt"), new SkippedFile("d.txt", "no captions in the file"),
                new SkippedFile("notes.txt", "no image with this name")), d.report().skipped());
        assertEquals(3, d.report().captions());
        assertEquals(0, d.report().classes());
        assertEquals(root.toAbsolutePath().toString(), d.training().name());
        assertEquals(2, d.samplePrompts().size(), "one prompt per item where there are fewer than 8");
    }

    @Test
    void anUnreadableImageIsSkippedByNameAndNothingUsableIsAClearError() throws IOException {
        Path root = tmp.resolve("mixed");
        image(root.resolve("good.png"), Color.RED, 8, 8);
        text(root.resolve("good.txt"), "red");
        Files.write(root.resolve("bad.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        text(root.resolve("bad.txt"), "broken");
        byte[] png = Files.readAllBytes(root.resolve("good.png"));
        Files.write(root.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        text(root.resolve("cut.txt"), "cut short");
        Files.write(root.resolve("empty.jpg"), new byte[0]);
        text(root.resolve("empty.txt"), "nothing");

        Dataset d = DataSources.open(request(root, tmp.resolve("cache"), 8));

        assertEquals(1, d.all().size());
        assertEquals(List.of("red"), d.all().captions(0));
        List<SkippedFile> skipped = d.report().skipped();
        assertEquals(List.of("bad.png", "cut.png", "empty.jpg"), skipped.stream().map(SkippedFile::file).toList());
        assertEquals("empty file", skipped.get(2).reason());
        assertTrue(skipped.get(0).reason().startsWith("not an image format") || skipped.get(0).reason().startsWith("cannot decode"),
                skipped.get(0).reason());

        Files.delete(root.resolve("good.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSources.open(request(root, tmp.resolve("cache"), 8)));
        assertTrue(e.getMessage().startsWith("no usable images in " + root.toAbsolutePath() + ": 4 skipped, the first good.txt: no image with this name"), e.getMessage());
    }
}
