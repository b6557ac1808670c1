package io.textgan.core.sample;

import io.textgan.core.data.ImageArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lays out a batch of images [N, 3, S, S] in [-1, 1] as a grid with a 2-pixel gutter and writes it as PNG. */
public final class SampleGrid {
    private static final int GUTTER = 2;

    private SampleGrid() {
    }

    public static BufferedImage render(INDArray images, int columns) {
        int n = (int) images.size(0);
        int side = (int) images.size(2);
        int rows = (n + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(columns * (side + GUTTER) + GUTTER, rows * (side + GUTTER) + GUTTER,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < n; i++) {
            g.drawImage(ImageArrays.toImage(images, i), GUTTER + (i % columns) * (side + GUTTER),
                    GUTTER + (i / columns) * (side + GUTTER), null);
        }
        g.dispose();
        return grid;
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".tmp-", ".png");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer registered with ImageIO");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
