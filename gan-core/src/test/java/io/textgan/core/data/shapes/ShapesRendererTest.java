package io.textgan.core.data.shapes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShapesRendererTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void cornersAreBackgroundAndBoxCentreIsObjectColour(int side) {
        Random pick = new Random(side);
        for (int seed = 0; seed < 200; seed++) {
            ShapeAttributes a = ShapeAttributes.all().get(pick.nextInt(960));
            BufferedImage img = ShapesRenderer.render(a, side, new Random(seed));
            assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
            assertEquals(side, img.getWidth());
            assertEquals(side, img.getHeight());
            String what = a + " seed " + seed;
            for (int[] corner : new int[][] {{0, 0}, {side - 1, 0}, {0, side - 1}, {side - 1, side - 1}}) {
                assertEquals(a.background().rgb(), rgb(img, corner[0], corner[1]), "corner of " + what);
            }
            double box = a.size().fraction() * side;
            double x = a.position().x() * side;
            double y = a.position().y() * side;
            if (a.shape() == ShapeKind.TRIANGLE) {
                y += 0.2 * box; // 70% of the box height below its top
            }
            assertEquals(a.color().rgb(), rgb(img, (int) x, (int) y), "object at box centre of " + what);
        }
    }

    @Test
    void objectNeverTouchesTheImageBorder() {
        for (int side : new int[] {16, 64}) {
            for (Position p : Position.values()) {
                ShapeAttributes a = new ShapeAttributes(Background.GRAY, ObjectColor.PINK, ShapeKind.SQUARE,
                        ShapeSize.LARGE, p);
                for (int seed = 0; seed < 300; seed++) {
                    BufferedImage img = ShapesRenderer.render(a, side, new Random(seed));
                    for (int k = 0; k < side; k++) {
                        String what = p + " side " + side + " seed " + seed;
                        assertEquals(a.background().rgb(), rgb(img, k, 0), what);
                        assertEquals(a.background().rgb(), rgb(img, k, side - 1), what);
                        assertEquals(a.background().rgb(), rgb(img, 0, k), what);
                        assertEquals(a.background().rgb(), rgb(img, side - 1, k), what);
                    }
                }
            }
        }
    }

    @Test
    void everyShapeCoversRoughlyItsIdealArea() {
        double[] ideal = {Math.PI / 4, 1, 0.5, 0.5};
        for (ShapeKind kind : ShapeKind.values()) {
            ShapeAttributes a = new ShapeAttributes(Background.BLACK, ObjectColor.BLUE, kind, ShapeSize.LARGE,
                    Position.CENTER);
            BufferedImage img = ShapesRenderer.render(a, 128, new Random(1));
            Random again = new Random(1);
            double box = 0.55 * 128 * (1 + 0.1 * (2 * again.nextDouble() - 1));
            long covered = 0;
            for (int y = 0; y < 128; y++) {
                for (int x = 0; x < 128; x++) {
                    covered += rgb(img, x, y) == a.color().rgb() ? 1 : 0;
                }
            }
            double fill = covered / (box * box);
            assertEquals(ideal[kind.ordinal()], fill, 0.06, kind + " fill " + fill);
        }
    }

    @Test
    void triangleIsUprightAndDiamondWidestInTheMiddle() {
        int side = 128;
        for (ShapeKind kind : new ShapeKind[] {ShapeKind.TRIANGLE, ShapeKind.DIAMOND}) {
            ShapeAttributes a = new ShapeAttributes(Background.WHITE, ObjectColor.RED, kind, ShapeSize.LARGE,
                    Position.CENTER);
            BufferedImage img = ShapesRenderer.render(a, side, new Random(4));
            int top = rowWidth(img, 64 - 25, a);
            int middle = rowWidth(img, 64, a);
            int bottom = rowWidth(img, 64 + 25, a);
            if (kind == ShapeKind.TRIANGLE) {
                assertFalse(top >= middle || middle >= bottom, kind + " " + top + " " + middle + " " + bottom);
            } else {
                assertFalse(top >= middle || bottom >= middle, kind + " " + top + " " + middle + " " + bottom);
            }
        }
    }

    @Test
    void sameSeedSameImageOtherSeedOtherJitter() {
        for (int i = 0; i < 50; i++) {
            ShapeAttributes a = ShapeAttributes.all().get(i * 19);
            assertArrayEquals(pixels(ShapesRenderer.render(a, 64, new Random(i))),
                    pixels(ShapesRenderer.render(a, 64, new Random(i))));
            assertFalse(Arrays.equals(pixels(ShapesRenderer.render(a, 64, new Random(i))),
                    pixels(ShapesRenderer.render(a, 64, new Random(i + 1000)))), a.toString());
        }
    }

    @Test
    void worksFromSixteenTo256AndRejectsTinySides() {
        for (int side : new int[] {8, 16, 17, 100, 256}) {
            for (ShapeAttributes a : ShapeAttributes.all()) {
                if (a.index() % 37 != 0) {
                    continue;
                }
                BufferedImage img = ShapesRenderer.render(a, side, new Random(a.index()));
                assertEquals(a.background().rgb(), rgb(img, 0, 0));
                assertEquals(a.background().rgb(), rgb(img, side - 1, side - 1));
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapesRenderer.render(ShapeAttributes.all().get(0), 4, new Random()));
        assertEquals("image side must be at least 8: 4", e.getMessage());
    }

    private static int rowWidth(BufferedImage img, int y, ShapeAttributes a) {
        int count = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            count += rgb(img, x, y) == a.color().rgb() ? 1 : 0;
        }
        return count;
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
