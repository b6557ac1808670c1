package io.textgan.core.data.shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Random;

/**
 * Draws a shapes image: flat background, one flat antialiased object. The box side is jittered by ±10% and its
 * centre by ±0.03·side per axis (uniform); the box is then kept at least one pixel inside the image.
 */
public final class ShapesRenderer {
    static final int MIN_SIDE = 8;
    static final double SIZE_JITTER = 0.10;
    static final double POSITION_JITTER = 0.03;

    private ShapesRenderer() {
    }

    /** Renders {@code a} as a side×side TYPE_INT_RGB image; the same rng state gives the same image. */
    public static BufferedImage render(ShapeAttributes a, int side, Random rng) {
        Objects.requireNonNull(a, "attributes");
        Objects.requireNonNull(rng, "rng");
        if (side < MIN_SIDE) {
            throw new IllegalArgumentException("image side must be at least " + MIN_SIDE + ": " + side);
        }
        double box = a.size().fraction() * side * (1 + SIZE_JITTER * symmetric(rng));
        double half = box / 2;
        double cx = clamp(a.position().x() * side + POSITION_JITTER * side * symmetric(rng), half + 1, side - half - 1);
        double cy = clamp(a.position().y() * side + POSITION_JITTER * side * symmetric(rng), half + 1, side - half - 1);

        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(a.background().rgb()));
            g.fillRect(0, 0, side, side);
            g.setColor(new Color(a.color().rgb()));
            g.fill(outline(a.shape(), cx - half, cy - half, box));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Shape outline(ShapeKind kind, double x, double y, double s) {
        return switch (kind) {
            case CIRCLE -> new Ellipse2D.Double(x, y, s, s);
            case SQUARE -> new Rectangle2D.Double(x, y, s, s);
            case TRIANGLE -> polygon(x + s / 2, y, x + s, y + s, x, y + s);
            case DIAMOND -> polygon(x + s / 2, y, x + s, y + s / 2, x + s / 2, y + s, x, y + s / 2);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    private static double symmetric(Random rng) {
        return 2 * rng.nextDouble() - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
