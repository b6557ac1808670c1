package io.textgan.core.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.List;

/** Conversions between RGB images and NCHW arrays in [-1, 1]. */
public final class ImageArrays {
    private ImageArrays() {
    }

    /** Images (resized to side×side with area averaging where they differ) to [N, 3, side, side] in [-1, 1]. */
    public static INDArray toArray(List<BufferedImage> images, int side) {
        int plane = side * side;
        float[] data = new float[images.size() * 3 * plane];
        for (int n = 0; n < images.size(); n++) {
            BufferedImage image = resized(images.get(n), side);
            int[] rgb = image.getRGB(0, 0, side, side, null, 0, side);
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                data[base + p] = ((rgb[p] >> 16) & 0xFF) / 127.5f - 1f;
                data[base + plane + p] = ((rgb[p] >> 8) & 0xFF) / 127.5f - 1f;
                data[base + 2 * plane + p] = (rgb[p] & 0xFF) / 127.5f - 1f;
            }
        }
        return Nd4j.create(data, new long[]{images.size(), 3, side, side}, DataType.FLOAT);
    }

    /** Image n of an [N, 3, S, S] array in [-1, 1] (values outside are clipped). */
    public static BufferedImage toImage(INDArray batch, int n) {
        int side = (int) batch.size(2);
        int plane = side * side;
        float[] data = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).dup('c').data().asFloat();
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            rgb[p] = (toByte(data[p]) << 16) | (toByte(data[plane + p]) << 8) | toByte(data[2 * plane + p]);
        }
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, side, side, rgb, 0, side);
        return image;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }

    private static BufferedImage resized(BufferedImage image, int side) {
        if (image.getWidth() == side && image.getHeight() == side) {
            return image;
        }
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image.getScaledInstance(side, side, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        return out;
    }
}
