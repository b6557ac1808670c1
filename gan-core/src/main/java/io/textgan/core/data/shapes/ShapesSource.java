package io.textgan.core.data.shapes;

import io.textgan.core.data.CaptionedImageSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The built-in {@code shapes} data: {@code size} items drawn from a list of attribute combinations (the training
 * ones, never a held-out one, for training), each rendered on demand from its own seed, with
 * {@value #CAPTIONS_PER_ITEM} captions in random phrasings.
 */
public final class ShapesSource implements CaptionedImageSource {
    static final int CAPTIONS_PER_ITEM = 5;

    private final int size;
    private final int side;
    private final long seed;
    private final List<ShapeAttributes> items;
    private final List<List<String>> captions;

    /** Training data: only combinations outside {@link ShapesSplit#heldOut()}. */
    public static ShapesSource training(int size, int side, long seed) {
        return new ShapesSource(ShapesSplit.training(), size, side, seed);
    }

    /** Evaluation data: only the held-out combinations. */
    public static ShapesSource heldOut(int size, int side, long seed) {
        return new ShapesSource(ShapesSplit.heldOut(), size, side, seed);
    }

    public ShapesSource(List<ShapeAttributes> combinations, int size, int side, long seed) {
        if (size <= 0) {
            throw new IllegalArgumentException("shapes size must be positive: " + size);
        }
        this.size = size;
        this.side = side;
        this.seed = seed;
        Random rng = new Random(seed);
        this.items = new ArrayList<>(size);
        this.captions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ShapeAttributes a = combinations.get(rng.nextInt(combinations.size()));
            items.add(a);
            List<String> phrasings = new ArrayList<>(CAPTIONS_PER_ITEM);
            for (int c = 0; c < CAPTIONS_PER_ITEM; c++) {
                phrasings.add(ShapeCaptions.caption(a, rng));
            }
            captions.add(List.copyOf(phrasings));
        }
    }

    @Override
    public String name() {
        return "shapes";
    }

    @Override
    public int size() {
        return size;
    }

    public ShapeAttributes attributes(int index) {
        return items.get(index);
    }

    @Override
    public BufferedImage image(int index) {
        return ShapesRenderer.render(items.get(index), side, new Random(seed * 31 + index));
    }

    @Override
    public List<String> captions(int index) {
        return captions.get(index);
    }
}
