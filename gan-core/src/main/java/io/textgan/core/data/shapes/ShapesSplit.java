package io.textgan.core.data.shapes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Fixed split of the 960 combinations: 96 held out as evaluation prompts, never used for training. Exactly one
 * (size, position) pair is held out for each of the 96 (background, colour, shape) triples, the pairs dealt out
 * evenly in an order shuffled with a fixed seed, so every attribute value stays in training.
 */
public final class ShapesSplit {
    private static final long SEED = 0x5A4E_5E5EL;
    private static final List<ShapeAttributes> HELD_OUT;
    private static final List<ShapeAttributes> TRAINING;
    private static final boolean[] IS_HELD_OUT = new boolean[ShapeAttributes.all().size()];

    static {
        List<ShapeAttributes> triples = new ArrayList<>();
        for (Background b : Background.values()) {
            for (ObjectColor c : ObjectColor.values()) {
                for (ShapeKind k : ShapeKind.values()) {
                    triples.add(new ShapeAttributes(b, c, k, ShapeSize.SMALL, Position.CENTER));
                }
            }
        }
        Collections.shuffle(triples, new Random(SEED));
        int positions = Position.values().length;
        int pairs = ShapeSize.values().length * positions;
        List<ShapeAttributes> heldOut = new ArrayList<>();
        for (int i = 0; i < triples.size(); i++) {
            ShapeAttributes t = triples.get(i);
            int pair = i % pairs;
            heldOut.add(new ShapeAttributes(t.background(), t.color(), t.shape(),
                    ShapeSize.values()[pair / positions], Position.values()[pair % positions]));
        }
        heldOut.sort(Comparator.comparingInt(ShapeAttributes::index));
        List<ShapeAttributes> training = new ArrayList<>();
        heldOut.forEach(a -> IS_HELD_OUT[a.index()] = true);
        for (ShapeAttributes a : ShapeAttributes.all()) {
            if (!IS_HELD_OUT[a.index()]) {
                training.add(a);
            }
        }
        HELD_OUT = List.copyOf(heldOut);
        TRAINING = List.copyOf(training);
    }

    private ShapesSplit() {
    }

    /** The 96 held-out combinations, in {@link ShapeAttributes#all()} order. */
    public static List<ShapeAttributes> heldOut() {
        return HELD_OUT;
    }

    /** The other 864 combinations, in {@link ShapeAttributes#all()} order. */
    public static List<ShapeAttributes> training() {
        return TRAINING;
    }

    /**
     * The default prompts of the sample grid: {@code count} held-out combinations spread over backgrounds, colours and
     * shapes, in canonical captions, except the last three rows (with {@code count} ≥ 6), which are partial prompts
     * that leave open everything but colour and shape; the background, size and position; the position, so that a
     * row shows whether the generator varies what a prompt leaves open.
     */
    public static List<String> spreadPrompts(int count) {
        int stride = HELD_OUT.size() / count;
        List<Set<ShapeAttribute>> partial = count < 6 ? List.of() : List.of(
                EnumSet.of(ShapeAttribute.COLOR, ShapeAttribute.SHAPE),
                EnumSet.of(ShapeAttribute.COLOR, ShapeAttribute.SHAPE, ShapeAttribute.POSITION),
                EnumSet.of(ShapeAttribute.COLOR, ShapeAttribute.SHAPE, ShapeAttribute.SIZE, ShapeAttribute.BACKGROUND));
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            ShapeAttributes a = HELD_OUT.get(i * stride + i % 4);
            int p = i - (count - partial.size());
            return p < 0 ? a.canonicalCaption() : ShapeCaptions.partialCaption(a, partial.get(p), new Random(i));
        }).toList();
    }

    /** Whether {@code a} is one of the held-out combinations. */
    public static boolean isHeldOut(ShapeAttributes a) {
        return IS_HELD_OUT[a.index()];
    }
}
