package io.textgan.core.data.loaders;

import io.textgan.core.data.DataOptions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny data written by the tests themselves: flat-coloured images, caption files, and the request to open them. */
final class Fixtures {
    private Fixtures() {
    }

    /** A w×h image of one colour (with alpha where the colour has it), in the format of the file's ending. */
    static Path image(Path file, Color colour, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        String format = file.getFileName().toString().replaceFirst(".*\\.", "").replace("jpg", "jpeg");
        BufferedImage image = new BufferedImage(w, h, colour.getAlpha() < 255 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    static Path text(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, java.util.List.of(lines));
    }

    static DataRequest request(Path data, Path cache, int side) {
        return new DataRequest(data.toString(), DataOptions.defaults(), side, 1, 7, cache);
    }

    /** The colour of pixel (x, y) of item i as 0xRRGGBB. */
    static int rgb(Dataset d, int item, int x, int y) {
        return d.all().image(item).getRGB(x, y) & 0xFFFFFF;
    }
}
