package io.textgan.core.metrics;

import io.textgan.core.data.shapes.Background;
import io.textgan.core.data.shapes.ObjectColor;
import io.textgan.core.data.shapes.Position;
import io.textgan.core.data.shapes.ShapeAttribute;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapeKind;
import io.textgan.core.data.shapes.ShapeSize;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reads the five shapes attributes back from pixels alone, tolerant of noise, blur and imperfect outlines.
 * Background: nearest background colour to the per-channel median of the border. Object: the largest 4-connected
 * blob of pixels far from that median; its colour is the nearest object colour to the median of its most saturated
 * half; the final outline is every pixel nearer the object colour than the background (midpoint along the line
 * between the two), largest blob, holes filled. Size and position come from the outline's bounding box, the shape
 * from the best soft overlap (IoU) with each ideal outline fitted to that box.
 */
public final class ShapesAttributeChecker {
    /** RGB distance from the background beyond which a pixel may belong to the object (half the smallest contrast). */
    private static final double CANDIDATE_DISTANCE = 56;
    /** Blobs smaller than this fraction of the image are not an object. */
    private static final double MIN_OBJECT_FRACTION = 0.005;
    /** Box side over image side between {@link ShapeSize#SMALL} (≤ 0.33 after jitter) and LARGE (≥ 0.495). */
    private static final double SIZE_THRESHOLD = 0.4125;
    private static final int SUBSAMPLES = 4;

    private ShapesAttributeChecker() {
    }

    /** Attributes read from an image; all but the background are null when no object was found. */
    public record Measurement(Background background, ObjectColor color, ShapeKind shape, ShapeSize size,
                              Position position) {

        /** The measured value of one attribute (null when it could not be measured). */
        public Enum<?> value(ShapeAttribute attribute) {
            return switch (attribute) {
                case BACKGROUND -> background;
                case COLOR -> color;
                case SHAPE -> shape;
                case SIZE -> size;
                case POSITION -> position;
            };
        }

        /** Whether all five attributes were measured and equal those of {@code a}. */
        public boolean matches(ShapeAttributes a) {
            return background == a.background() && color == a.color() && shape == a.shape() && size == a.size()
                    && position == a.position();
        }
    }

    /** Measures the attributes of {@code img} (any size, any type; read as RGB). */
    public static Measurement measure(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        int[][] rgb = new int[3][n];
        for (int i = 0; i < n; i++) {
            rgb[0][i] = (argb[i] >> 16) & 0xFF;
            rgb[1][i] = (argb[i] >> 8) & 0xFF;
            rgb[2][i] = argb[i] & 0xFF;
        }

        double[] bg = medianColour(rgb, borderPixels(w, h));
        Background background = nearestBackground(bg);

        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            candidate[i] = distance(rgb, i, bg) > CANDIDATE_DISTANCE;
        }
        int[] blob = largestBlob(candidate, w, h);
        int minPixels = (int) Math.ceil(Math.max(3, MIN_OBJECT_FRACTION * n));
        if (blob.length < minPixels) {
            return new Measurement(background, null, null, null, null);
        }
        double[] objectColour = medianColour(rgb, mostDistantHalf(rgb, blob, bg));
        ObjectColor color = nearestObjectColor(objectColour);
        if (distance(toRgb(objectColour), bg) < CANDIDATE_DISTANCE) {
            return new Measurement(background, null, null, null, null);
        }

        boolean[] mask = nearerObject(rgb, bg, objectColour);
        int[] object = largestBlob(mask, w, h);
        if (object.length < minPixels) {
            return new Measurement(background, color, null, null, null);
        }
        boolean[] filled = fillHoles(object, w, h);

        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int i = 0; i < n; i++) {
            if (filled[i]) {
                x0 = Math.min(x0, i % w);
                x1 = Math.max(x1, i % w);
                y0 = Math.min(y0, i / w);
                y1 = Math.max(y1, i / w);
            }
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        double side = Math.max(bw / (double) w, bh / (double) h);
        ShapeSize size = side < SIZE_THRESHOLD ? ShapeSize.SMALL : ShapeSize.LARGE;
        Position position = nearestPosition((x0 + bw / 2.0) / w, (y0 + bh / 2.0) / h);
        ShapeKind shape = bestShape(filled, w, x0, y0, bw, bh);
        return new Measurement(background, color, shape, size, position);
    }

    private static int[] borderPixels(int w, int h) {
        if (w < 3 || h < 3) {
            int[] all = new int[w * h];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] border = new int[2 * w + 2 * (h - 2)];
        int k = 0;
        for (int x = 0; x < w; x++) {
            border[k++] = x;
            border[k++] = (h - 1) * w + x;
        }
        for (int y = 1; y < h - 1; y++) {
            border[k++] = y * w;
            border[k++] = y * w + w - 1;
        }
        return border;
    }

    private static double[] medianColour(int[][] rgb, int[] pixels) {
        double[] median = new double[3];
        int[] values = new int[pixels.length];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < pixels.length; k++) {
                values[k] = rgb[c][pixels[k]];
            }
            Arrays.sort(values);
            int m = values.length / 2;
            median[c] = values.length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2.0;
        }
        return median;
    }

    /** The pixels of {@code blob} at or above its median distance from the background. */
    private static int[] mostDistantHalf(int[][] rgb, int[] blob, double[] bg) {
        double[] d = new double[blob.length];
        for (int k = 0; k < blob.length; k++) {
            d[k] = distance(rgb, blob[k], bg);
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double cut = sorted[sorted.length / 2];
        int[] kept = new int[blob.length];
        int count = 0;
        for (int k = 0; k < blob.length; k++) {
            if (d[k] >= cut) {
                kept[count++] = blob[k];
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** Pixels whose projection on the background→object line lies past the midpoint. */
    private static boolean[] nearerObject(int[][] rgb, double[] bg, double[] object) {
        double[] dir = {object[0] - bg[0], object[1] - bg[1], object[2] - bg[2]};
        double norm2 = dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2];
        int n = rgb[0].length;
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int c = 0; c < 3; c++) {
                dot += (rgb[c][i] - bg[c]) * dir[c];
            }
            mask[i] = dot >= 0.5 * norm2;
        }
        return mask;
    }

    /** Indices of the largest 4-connected set of true pixels (empty when there is none). */
    private static int[] largestBlob(boolean[] mask, int w, int h) {
        int n = mask.length;
        boolean[] seen = new boolean[n];
        int[] best = new int[0];
        int[] queue = new int[n];
        for (int start = 0; start < n; start++) {
            if (!mask[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                if (x > 0 && mask[i - 1] && !seen[i - 1]) {
                    seen[i - 1] = true;
                    queue[tail++] = i - 1;
                }
                if (x < w - 1 && mask[i + 1] && !seen[i + 1]) {
                    seen[i + 1] = true;
                    queue[tail++] = i + 1;
                }
                if (y > 0 && mask[i - w] && !seen[i - w]) {
                    seen[i - w] = true;
                    queue[tail++] = i - w;
                }
                if (y < h - 1 && mask[i + w] && !seen[i + w]) {
                    seen[i + w] = true;
                    queue[tail++] = i + w;
                }
            }
            if (tail > best.length) {
                best = Arrays.copyOf(queue, tail);
            }
        }
        return best;
    }

    /** The blob plus every pixel not connected to the image border through non-blob pixels. */
    private static boolean[] fillHoles(int[] blob, int w, int h) {
        int n = w * h;
        boolean[] inBlob = new boolean[n];
        for (int i : blob) {
            inBlob[i] = true;
        }
        boolean[] outside = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i : borderPixels(w, h)) {
            if (!inBlob[i] && !outside[i]) {
                outside[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
            for (int j : next) {
                if (j >= 0 && !inBlob[j] && !outside[j]) {
                    outside[j] = true;
                    queue.add(j);
                }
            }
        }
        boolean[] filled = new boolean[n];
        for (int i = 0; i < n; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    /** The ideal outline, fitted to the bounding box, with the highest soft IoU against the mask. */
    private static ShapeKind bestShape(boolean[] mask, int w, int x0, int y0, int bw, int bh) {
        ShapeKind best = null;
        double bestIou = -1;
        for (ShapeKind kind : ShapeKind.values()) {
            double intersection = 0;
            double union = 0;
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    double cover = coverage(kind, x, y, bw, bh);
                    boolean on = mask[(y0 + y) * w + x0 + x];
                    intersection += on ? cover : 0;
                    union += on ? 1 : cover;
                }
            }
            double iou = intersection / union;
            if (iou > bestIou) {
                bestIou = iou;
                best = kind;
            }
        }
        return best;
    }

    /** Fraction of pixel (x, y) of a bw×bh box covered by the ideal outline, by supersampling. */
    private static double coverage(ShapeKind kind, int x, int y, int bw, int bh) {
        int inside = 0;
        for (int sy = 0; sy < SUBSAMPLES; sy++) {
            double v = (y + (sy + 0.5) / SUBSAMPLES) / bh;
            for (int sx = 0; sx < SUBSAMPLES; sx++) {
                double u = (x + (sx + 0.5) / SUBSAMPLES) / bw;
                if (inside(kind, u - 0.5, v)) {
                    inside++;
                }
            }
        }
        return inside / (double) (SUBSAMPLES * SUBSAMPLES);
    }

    /** Whether the box point (u, v), u measured from the box's vertical centre line, v from its top, is inside. */
    private static boolean inside(ShapeKind kind, double u, double v) {
        double dv = v - 0.5;
        return switch (kind) {
            case CIRCLE -> u * u + dv * dv <= 0.25;
            case SQUARE -> true;
            case TRIANGLE -> Math.abs(u) <= v / 2;
            case DIAMOND -> Math.abs(u) + Math.abs(dv) <= 0.5;
        };
    }

    private static double distance(int[][] rgb, int i, double[] ref) {
        double dr = rgb[0][i] - ref[0];
        double dg = rgb[1][i] - ref[1];
        double db = rgb[2][i] - ref[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static double distance(int rgb, double[] ref) {
        double dr = ((rgb >> 16) & 0xFF) - ref[0];
        double dg = ((rgb >> 8) & 0xFF) - ref[1];
        double db = (rgb & 0xFF) - ref[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int toRgb(double[] colour) {
        return ((int) Math.round(colour[0]) << 16) | ((int) Math.round(colour[1]) << 8) | (int) Math.round(colour[2]);
    }

    private static Background nearestBackground(double[] colour) {
        Background best = null;
        for (Background b : Background.values()) {
            if (best == null || distance(b.rgb(), colour) < distance(best.rgb(), colour)) {
                best = b;
            }
        }
        return best;
    }

    private static ObjectColor nearestObjectColor(double[] colour) {
        ObjectColor best = null;
        for (ObjectColor c : ObjectColor.values()) {
            if (best == null || distance(c.rgb(), colour) < distance(best.rgb(), colour)) {
                best = c;
            }
        }
        return best;
    }

    private static Position nearestPosition(double x, double y) {
        Position best = null;
        double bestD = Double.MAX_VALUE;
        for (Position p : Position.values()) {
            double d = (p.x() - x) * (p.x() - x) + (p.y() - y) * (p.y() - y);
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }
}
