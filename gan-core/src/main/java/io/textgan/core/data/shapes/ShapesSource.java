package io.textgan.core.data.shapes;

import io.textgan.core.data.CaptionedImageSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The built-in {@code shapes} data: {@code size} items drawn from a list of attribute combinations (the training
 * ones, never a held-out one, for training), each rendered on demand from its own seed, with
 * {@value #CAPTIONS_PER_ITEM} captions in random phrasings. About a third of the captions
 * ({@link #PARTIAL_SHARE}) are {@link ShapeCaptions#partialCaption partial}: they leave out one to three of
 * background, size and position, so a caption such as "a red circle" describes images that differ in what it leaves
 * open, and the generator has to draw all of them.
 */
public final class ShapesSource implements CaptionedImageSource {
    static final int CAPTIONS_PER_ITEM = 5;
    static final double PARTIAL_SHARE = 1.0 / 3;

    private final int size;
    private final int side;
    private final long seed;
    private final List<ShapeAttributes> items;
    private final List<List<String>> captions;

    /** Training data: only combinations outside {@link ShapesSplit#heldOut()}. */
    public static ShapesSource training(int size, int side, long seed) {
        return new ShapesSource(ShapesSplit.training(), size, side, seed, PARTIAL_SHARE);
    }

    /** Evaluation data: only the held-out combinations, every caption naming all five attributes. */
    public static ShapesSource heldOut(int size, int side, long seed) {
        return new ShapesSource(ShapesSplit.heldOut(), size, side, seed, 0);
    }

    /** @param partialShare the probability that a caption is partial */
    public ShapesSource(List<ShapeAttributes> combinations, int size, int side, long seed, double partialShare) {
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
                phrasings.add(rng.nextDouble() < partialShare
                        ? ShapeCaptions.partialCaption(a, ShapeCaptions.randomNamedSet(rng), rng)
                        : ShapeCaptions.caption(a, rng));
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
