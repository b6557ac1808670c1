package io.textgan.core.data;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataOptionsTest {

    @Test
    void invalidOptionsAreRefusedWithTheValue() {
        assertEquals("crop must be center or random: middle", assertThrows(IllegalArgumentException.class,
                () -> new DataOptions("middle", false, "white", 1)).getMessage());
        assertEquals("background must be white, black, gray or #RRGGBB: pink", assertThrows(IllegalArgumentException.class,
                () -> new DataOptions("center", false, "pink", 1)).getMessage());
        assertEquals("minWordCount must be at least 1: 0", assertThrows(IllegalArgumentException.class,
                () -> new DataOptions("center", false, "white", 0)).getMessage());
    }

    @Test
    void backgroundsAndStoredSides() {
        assertEquals(0x102030, new DataOptions("center", false, "#102030", 1).backgroundRgb());
        assertEquals(0x808080, new DataOptions("center", false, "Grey", 1).backgroundRgb());
        assertEquals(76, new DataOptions("random", false, "white", 1).storedSide(64));
        assertEquals(19, new DataOptions("random", false, "white", 1).storedSide(16));
        assertEquals(64, DataOptions.defaults().storedSide(64));
        assertEquals(ImageAugmentation.NONE, DataOptions.defaults().augmentation());
    }

    @Test
    void noAugmentationLeavesTheImageAndTheRandomSourceAlone() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Random used = new Random(5);
        assertSame(image, ImageAugmentation.NONE.apply(image, 8, used));
        assertEquals(new Random(5).nextLong(), used.nextLong());
    }

    @Test
    void randomCropsAreOfTheModelSizeAndFlipsMirror() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, x * 10 + y);
            }
        }
        Random rng = new Random(1);
        boolean sawOtherThanCorner = false;
        for (int i = 0; i < 20; i++) {
            BufferedImage crop = new ImageAugmentation(true, false).apply(image, 8, rng);
            assertEquals(8, crop.getWidth());
            assertEquals(8, crop.getHeight());
            int x0 = (crop.getRGB(0, 0) & 0xFFFFFF) / 10;
            int y0 = (crop.getRGB(0, 0) & 0xFFFFFF) % 10;
            assertTrue(x0 <= 2 && y0 <= 2);
            assertEquals(crop.getRGB(7, 7) & 0xFFFFFF, (x0 + 7) * 10 + y0 + 7);
            sawOtherThanCorner |= x0 + y0 > 0;
        }
        assertTrue(sawOtherThanCorner);
        int mirrored = 0;
        for (int i = 0; i < 40; i++) {
            BufferedImage out = new ImageAugmentation(false, true).apply(image, 10, rng);
            if ((out.getRGB(0, 3) & 0xFFFFFF) == 93) {
                mirrored++;
                assertEquals(3, out.getRGB(9, 3) & 0xFFFFFF);
            } else {
                assertEquals(3, out.getRGB(0, 3) & 0xFFFFFF);
            }
        }
        assertTrue(mirrored > 5 && mirrored < 35, "about half are mirrored: " + mirrored);
    }
}
