package io.textgan.core.data.loaders;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every image mode decodes to the same RGB pixels at the model size; what cannot decode says why. */
class ImageFittingTest {
    private static final int WHITE = 0xFFFFFF;

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format + " writer for type " + image.getType());
        return out.toByteArray();
    }

    private static BufferedImage filled(int type, int w, int h, Color colour) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static void assertEveryPixel(int expected, int[] pixels, int tolerance, String what) {
        for (int p : pixels) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs(((p >> shift) & 0xFF) - ((expected >> shift) & 0xFF));
                assertTrue(d <= tolerance, what + ": " + Integer.toHexString(p) + " vs " + Integer.toHexString(expected));
            }
        }
    }

    @Test
    void grayscaleSixteenBitPaletteAlphaAndOtherSizesAllBecomeRgbAtTheModelSize() throws IOException {
        Color gray = new Color(100, 100, 100);
        assertEveryPixel(0x646464, ImageFitting.decode(encode(filled(BufferedImage.TYPE_BYTE_GRAY, 20, 20, gray), "png"), 8, WHITE), 1, "8-bit gray");
        assertEveryPixel(0x646464, ImageFitting.decode(encode(filled(BufferedImage.TYPE_USHORT_GRAY, 20, 20, gray), "png"), 8, WHITE), 2, "16-bit gray");
        assertEveryPixel(0xFF0000, ImageFitting.decode(encode(filled(BufferedImage.TYPE_BYTE_INDEXED, 20, 20, Color.RED), "png"), 8, WHITE), 1, "palette");
        assertEveryPixel(0x646464, ImageFitting.decode(encode(filled(BufferedImage.TYPE_BYTE_GRAY, 20, 20, gray), "jpg"), 8, WHITE), 3, "gray JPEG");
        assertEveryPixel(WHITE, ImageFitting.decode(encode(filled(BufferedImage.TYPE_INT_ARGB, 20, 20, new Color(0, 0, 0, 0)), "png"), 8, WHITE), 0,
                "transparent onto the background");
        int[] wide = ImageFitting.decode(encode(filled(BufferedImage.TYPE_3BYTE_BGR, 300, 40, Color.BLUE), "bmp"), 16, WHITE);
        assertEquals(16 * 16, wide.length);
        assertEveryPixel(0x0000FF, wide, 0, "a 300x40 BMP, centre square");
    }

    @Test
    void emptyAndNonImageBytesSayWhy() {
        assertEquals("empty file", assertThrows(IOException.class, () -> ImageFitting.decode(new byte[0], 8, WHITE)).getMessage());
        assertEquals("not an image format that ImageIO can read", assertThrows(IOException.class,
                () -> ImageFitting.decode("a caption, not a picture".getBytes(), 8, WHITE)).getMessage());
    }
}
