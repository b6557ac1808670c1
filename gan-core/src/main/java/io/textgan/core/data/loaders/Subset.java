package io.textgan.core.data.loaders;

import io.textgan.core.data.CaptionedImageSource;

import java.awt.image.BufferedImage;
import java.util.List;

/** Some items of a source, in the order given (a split). */
final class Subset implements CaptionedImageSource {
    private final CaptionedImageSource source;
    private final int[] indices;

    Subset(CaptionedImageSource source, int[] indices) {
        this.source = source;
        this.indices = indices.clone();
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public BufferedImage image(int index) {
        return source.image(indices[index]);
    }

    @Override
    public List<String> captions(int index) {
        return source.captions(indices[index]);
    }
}
