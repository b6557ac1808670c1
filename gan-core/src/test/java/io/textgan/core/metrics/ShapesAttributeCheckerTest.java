package io.textgan.core.metrics;

import io.textgan.core.data.shapes.Background;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapesRenderer;
import io.textgan.core.metrics.ShapesAttributeChecker.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapesAttributeCheckerTest {
    private static final String[] NAMES = {"background", "color", "shape", "size", "position"};

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void readsCleanRendersOfEveryCombination(int side) {
        double[] accuracy = accuracy(side, 2, UnaryOperator.identity());
        for (int k = 0; k < NAMES.length; k++) {
            assertTrue(accuracy[k] >= 0.99, NAMES[k] + " accuracy at " + side + ": " + Arrays.toString(accuracy));
        }
    }

    @Test
    void toleratesGaussianNoise() {
        Random noise = new Random(99);
        double[] accuracy = accuracy(64, 2, img -> withNoise(img, 20, noise));
        for (int k = 0; k < NAMES.length; k++) {
            assertTrue(accuracy[k] >= 0.95, NAMES[k] + " accuracy with noise: " + Arrays.toString(accuracy));
        }
    }

    @Test
    void toleratesBlur() {
        float[] box = new float[9];
        Arrays.fill(box, 1f / 9);
        ConvolveOp blur = new ConvolveOp(new Kernel(3, 3, box), ConvolveOp.EDGE_NO_OP, null);
        double[] accuracy = accuracy(64, 1, img -> blur.filter(img, null));
        for (int k = 0; k < NAMES.length; k++) {
            assertTrue(accuracy[k] >= 0.95, NAMES[k] + " accuracy with blur: " + Arrays.toString(accuracy));
        }
    }

    @Test
    void plainBackgroundHasNoObject() {
        for (Background b : Background.values()) {
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(b.rgb()));
            g.fillRect(0, 0, 64, 64);
            g.dispose();
            Measurement m = ShapesAttributeChecker.measure(img);
            assertEquals(b, m.background());
            assertNull(m.color());
            assertNull(m.shape());
            assertNull(m.size());
            assertNull(m.position());
        }
    }

    @Test
    void matchesComparesAllFiveAttributes() {
        ShapeAttributes a = ShapeAttributes.all().get(500);
        Measurement m = ShapesAttributeChecker.measure(ShapesRenderer.render(a, 64, new Random(2)));
        assertTrue(m.matches(a));
        assertFalse(m.matches(ShapeAttributes.all().get(501)));
        assertFalse(new Measurement(a.background(), a.color(), a.shape(), a.size(), null).matches(a));
    }

    /** Fraction of images whose background, colour, shape, size and position were read correctly. */
    private static double[] accuracy(int side, int seeds, UnaryOperator<BufferedImage> distort) {
        int[] correct = new int[NAMES.length];
        int total = 0;
        for (ShapeAttributes a : ShapeAttributes.all()) {
            for (int s = 0; s < seeds; s++) {
                BufferedImage img = distort.apply(ShapesRenderer.render(a, side, new Random(a.index() * 7L + s)));
                Measurement m = ShapesAttributeChecker.measure(img);
                correct[0] += m.background() == a.background() ? 1 : 0;
                correct[1] += m.color() == a.color() ? 1 : 0;
                correct[2] += m.shape() == a.shape() ? 1 : 0;
                correct[3] += m.size() == a.size() ? 1 : 0;
                correct[4] += m.position() == a.position() ? 1 : 0;
                total++;
            }
        }
        double[] accuracy = new double[NAMES.length];
        for (int k = 0; k < NAMES.length; k++) {
            accuracy[k] = correct[k] / (double) total;
        }
        return accuracy;
    }

    private static BufferedImage withNoise(BufferedImage img, double sigma, Random rng) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = noisy((p >> 16) & 0xFF, sigma, rng);
                int g = noisy((p >> 8) & 0xFF, sigma, rng);
                int b = noisy(p & 0xFF, sigma, rng);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int noisy(int v, double sigma, Random rng) {
        return (int) Math.max(0, Math.min(255, Math.round(v + sigma * rng.nextGaussian())));
    }
}
