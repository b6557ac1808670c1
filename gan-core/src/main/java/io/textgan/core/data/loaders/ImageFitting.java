package io.textgan.core.data.loaders;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Decodes an image with ImageIO (any registered reader) and fits it to a square of the stored side: the centre square
 * of the image, composited onto the background colour where it is transparent, resized with area averaging.
 */
final class ImageFitting {
    private ImageFitting() {
    }

    /**
     * The fitted image as 0xRRGGBB pixels, row by row.
     *
     * @throws IOException saying why the bytes could not be decoded
     */
    static int[] decode(byte[] encoded, int side, int background) throws IOException {
        if (encoded.length == 0) {
            throw new IOException("empty file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)));
        } catch (IOException | RuntimeException e) {
            // readers throw runtime exceptions too on some corrupt files
            throw new IOException("cannot decode: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (image == null) {
            throw new IOException("not an image format that ImageIO can read");
        }
        return fit(image, side, background);
    }

    static int[] fit(BufferedImage image, int side, int background) {
        int s = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        g.setColor(new Color(background));
        g.fillRect(0, 0, s, s);
        g.drawImage(image, -(image.getWidth() - s) / 2, -(image.getHeight() - s) / 2, null);
        g.dispose();
        BufferedImage fitted = square;
        if (s != side) {
            fitted = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D f = fitted.createGraphics();
            f.drawImage(square.getScaledInstance(side, side, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            f.dispose();
        }
        return fitted.getRGB(0, 0, side, side, null, 0, side);
    }
}
