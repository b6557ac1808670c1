package io.textgan.cli;

import io.textgan.cli.GanCliEndToEndTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.textgan.cli.GanCliEndToEndTest.assertUserErrors;
import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan data inspect} and {@code gan train --data} on a folder of images with caption files, through the real entry point. */
class DataCommandsTest {
    private static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "cyan", "magenta", "orange", "pink");
    private static final List<Color> RGB = List.of(Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.CYAN, Color.MAGENTA,
            Color.ORANGE, Color.PINK);

    @TempDir
    static Path tmp;
    static Path photos;
    static Path cache;

    @BeforeAll
    static void captionedFolder() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        cache = tmp.resolve("cache");
        for (int i = 0; i < COLOURS.size(); i++) {
            BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics g = image.getGraphics();
            g.setColor(RGB.get(i));
            g.fillRect(0, 0, 20, 20);
            g.dispose();
            Path dir = Files.createDirectories(photos.resolve(i < 4 ? "a" : "b"));
            ImageIO.write(image, "png", dir.resolve(COLOURS.get(i) + ".png").toFile());
            Files.write(dir.resolve(COLOURS.get(i) + ".txt"), List.of("a " + COLOURS.get(i) + " square", COLOURS.get(i)));
        }
        Files.write(photos.resolve("broken.png"), new byte[]{1, 2, 3, 4});
        Files.write(photos.resolve("broken.txt"), List.of("never seen"));
    }

    @Test
    void inspectShowsCountsSkippedFilesVocabularyCaptionLengthsAndAPreview() throws IOException {
        Path preview = tmp.resolve("look/preview.png");
        Result r = gan("data", "inspect", photos.toString(), "--preview", "5", "--out", preview.toString(),
                "--image-size", "16", "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        for (String line : List.of("layout      images with caption files", "images      8 (8 training, 0 held out)",
                "captions    16 (2.0 per image)", "classes     none in this layout", "skipped     1:\n  broken.png: ",
                "vocabulary  10 words seen at least 1 time", "top words   a 8, square 8, ", "caption length in words (longest 3;",
                "        1 ######################################## 8\n", "        3 ######################################## 8\n")) {
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
        }
        BufferedImage grid = ImageIO.read(preview.toFile());
        assertEquals(5 * 18 + 2, grid.getWidth());
        assertEquals(18 + 2, grid.getHeight());
        List<String> captions = Files.readAllLines(tmp.resolve("look/preview.txt"));
        assertEquals(5, captions.size());
        assertTrue(captions.stream().allMatch(c -> COLOURS.stream().anyMatch(c::contains)), captions.toString());
    }

    @Test
    void aCmykJpegIsReadInItsColours() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("cmyk"));
        Files.write(folder.resolve("cyan.jpg"), cmykJpeg(255, 0, 0, 0));
        Files.write(folder.resolve("cyan.txt"), List.of("a cyan square"));
        Path preview = tmp.resolve("cmyk-look/preview.png");
        Result r = gan("data", "inspect", folder.toString(), "--preview", "1", "--out", preview.toString(),
                "--image-size", "16", "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("images      1 "), r.out());
        int rgb = ImageIO.read(preview.toFile()).getRGB(9, 9) & 0xFFFFFF;
        assertTrue((rgb >> 16) < 8 && ((rgb >> 8) & 0xFF) > 247 && (rgb & 0xFF) > 247, Integer.toHexString(rgb));
    }

    /**
     * A 20x20 JPEG of one CMYK colour as Photoshop writes them: four channels, stored inverted, with an Adobe APP14
     * marker (transform 0) right after the start-of-image marker. The JDK cannot read it; TwelveMonkeys' reader can.
     */
    private static byte[] cmykJpeg(int c, int m, int y, int k) throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 20, 20, 4, null);
        int[] inverted = {255 - c, 255 - m, 255 - y, 255 - k};
        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 20; col++) {
                raster.setPixel(col, row, inverted);
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] plain = out.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] jpeg = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, jpeg, 0, 2);
        System.arraycopy(adobe, 0, jpeg, 2, adobe.length);
        System.arraycopy(plain, 2, jpeg, 2 + adobe.length, plain.length - 2);
        return jpeg;
    }

    @Test
    void trainOnACaptionedFolderThenResumeAndRefuseChangedData() throws IOException {
        Path run = tmp.resolve("run");
        Result r = gan("train", "--data", photos.toString(), "--steps", "2", "--image-size", "16", "--ngf", "4", "--ndf", "4",
                "--noise-size", "8", "--text-size", "16", "--batch-size", "4", "--encoder-steps", "1", "--crop", "random",
                "--flip", "--min-word-count", "3", "--run", run.toString(), "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"data\" : \"" + photos.toAbsolutePath() + "\""), config);
        assertTrue(config.contains("\"crop\" : \"random\"") && config.contains("\"flip\" : true"), config);
        assertTrue(config.contains("\"vocabularySize\" : 4"), "a and square (8 times each, the colours twice), padding and unknown: " + config);
        String report = Files.readString(run.resolve("data.json"));
        assertTrue(report.contains("\"images\" : 8") && report.contains("\"file\" : \"broken.png\""), report);
        assertEquals(8, Files.readAllLines(run.resolve("sample-prompts.txt")).size());
        assertTrue(Files.exists(run.resolve("samples/epoch-0001.png")));

        Result resumed = gan("train", "--resume", run.toString(), "--steps", "3", "--cache-dir", cache.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals("epoch-0001-step-00000003", Files.readString(run.resolve("checkpoints/latest")).strip());

        Files.copy(photos.resolve("a/red.png"), photos.resolve("c.png"));
        Files.write(photos.resolve("c.txt"), List.of("another red square"));
        try {
            Result refused = gan("train", "--resume", run.toString(), "--steps", "4", "--cache-dir", cache.toString());
            assertEquals(2, refused.code(), refused.err());
            assertEquals("gan: the data at " + photos.toAbsolutePath() + " has changed since the run began: 9 training images now, "
                    + "8 then; resuming needs the same data", refused.err().strip());
        } finally {
            Files.delete(photos.resolve("c.png"));
            Files.delete(photos.resolve("c.txt"));
        }
    }

    @Test
    void dataErrorsAreOneLineAndExitTwo() {
        List<String[]> cases = List.of(
                new String[]{"data", "inspect", tmp.resolve("nowhere").toString()},
                new String[]{"data", "inspect"},
                new String[]{"data", "inspect", photos.toString(), "--background", "plaid", "--cache-dir", cache.toString()},
                new String[]{"train", "--data", tmp.resolve("nowhere").toString(), "--run", tmp.resolve("x").toString()},
                new String[]{"train", "--flip", "--run", tmp.resolve("y").toString()},
                new String[]{"train", "--data", photos.toString(), "--crop", "left", "--run", tmp.resolve("z").toString()});
        assertUserErrors(cases);
        assertFalse(Files.exists(tmp.resolve("x")), "no run directory is made for data that cannot be read");
    }
}
