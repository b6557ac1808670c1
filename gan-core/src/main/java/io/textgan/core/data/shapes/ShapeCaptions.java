package io.textgan.core.data.shapes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Random captions for a shapes image: varied word order and synonyms. {@link #caption} names all five attributes;
 * {@link #partialCaption} always names the colour and the shape, and only some of background, size and position
 * ("a red circle", "a small green triangle on black"), so that the image it describes is one of several it allows.
 */
public final class ShapeCaptions {
    private static final int PHRASINGS = 10;
    private static final int PARTIAL_PHRASINGS = 3;
    /** The attributes a partial caption may leave out. */
    private static final List<ShapeAttribute> OPTIONAL = List.of(ShapeAttribute.BACKGROUND, ShapeAttribute.SIZE,
            ShapeAttribute.POSITION);

    private ShapeCaptions() {
    }

    /** Number of distinct phrasings {@link #caption(ShapeAttributes, Random)} chooses from. */
    public static int phrasingCount() {
        return PHRASINGS;
    }

    /** A caption in a random phrasing with random synonyms; the background is always "&lt;colour&gt; background". */
    public static String caption(ShapeAttributes a, Random rng) {
        Objects.requireNonNull(rng, "rng");
        return caption(a, rng.nextInt(PHRASINGS), rng);
    }

    /** The caption in phrasing {@code phrasing} (0 ≤ phrasing &lt; {@link #phrasingCount()}), synonyms from rng. */
    public static String caption(ShapeAttributes a, int phrasing, Random rng) {
        Objects.requireNonNull(a, "attributes");
        String size = sizeWord(a, rng);
        String color = a.color().word();
        String shape = a.shape().word();
        String where = where(a.position(), rng);
        String bg = backgroundWord(a, rng)
                + " background";
        String object = size + " " + color + " " + shape;
        return switch (phrasing) {
            case 0 -> withArticle(object) + " in the " + where + " on " + withArticle(bg);
            case 1 -> "on " + withArticle(bg) + ", " + withArticle(object) + " sits in the " + where;
            case 2 -> where + ": " + object + ", " + bg;
            case 3 -> withArticle(bg) + " with " + withArticle(object) + " in the " + where;
            case 4 -> object + " in the " + where + ", " + bg;
            case 5 -> withArticle(color + " " + shape) + ", " + size + ", in the " + where + " of " + withArticle(bg);
            case 6 -> "the " + where + " of " + withArticle(bg) + " holds " + withArticle(object);
            case 7 -> bg + ", " + object + " at the " + where;
            case 8 -> withArticle(shape) + " that is " + size + " and " + color + ", placed in the " + where
                    + " on " + withArticle(bg);
            case 9 -> "there is " + withArticle(object) + " in the " + where + " against " + withArticle(bg);
            default -> throw new IllegalArgumentException("phrasing must be in [0, " + PHRASINGS + "): " + phrasing);
        };
    }

    /** Number of word orders {@link #reorderedCaption} chooses from. */
    public static int reorderingCount() {
        return 2;
    }

    /**
     * A caption naming all five attributes in a word order that training captions never use (the clauses of
     * {@link #caption} moved around), to check that a model reads the words rather than their places.
     */
    public static String reorderedCaption(ShapeAttributes a, int order, Random rng) {
        String size = sizeWord(a, rng);
        String where = where(a.position(), rng);
        String bg = backgroundWord(a, rng)
                + " background";
        return switch (order) {
            case 0 -> "at the " + where + ", on " + withArticle(bg) + ", " + withArticle(size + " " + a.color().word() + " " + a.shape().word());
            case 1 -> withArticle(a.shape().word()) + ", " + a.color().word() + " and " + size + ", on " + withArticle(bg)
                    + " at the " + where;
            default -> throw new IllegalArgumentException("order must be in [0, " + reorderingCount() + "): " + order);
        };
    }

    /**
     * A caption that names the colour, the shape and exactly the attributes in {@code named} (which must include
     * colour and shape), in one of a few word orders chosen by rng.
     */
    public static String partialCaption(ShapeAttributes a, Set<ShapeAttribute> named, Random rng) {
        Objects.requireNonNull(a, "attributes");
        if (!named.contains(ShapeAttribute.COLOR) || !named.contains(ShapeAttribute.SHAPE)) {
            throw new IllegalArgumentException("a partial caption names the colour and the shape: " + named);
        }
        String object = a.color().word() + " " + a.shape().word();
        if (named.contains(ShapeAttribute.SIZE)) {
            object = sizeWord(a, rng) + " " + object;
        }
        object = withArticle(object);
        String where = named.contains(ShapeAttribute.POSITION) ? where(a.position(), rng) : null;
        String bg = null;
        if (named.contains(ShapeAttribute.BACKGROUND)) {
            String colour = backgroundWord(a, rng);
            bg = rng.nextBoolean() ? colour : withArticle(colour + " background");
        }
        return switch (rng.nextInt(PARTIAL_PHRASINGS)) {
            case 0 -> object + (where == null ? "" : " in the " + where) + (bg == null ? "" : " on " + bg);
            case 1 -> (bg == null ? "" : "on " + bg + ", ") + object + (where == null ? "" : " at the " + where);
            default -> (where == null ? "" : "in the " + where + ", ") + object + (bg == null ? "" : " against " + bg);
        };
    }

    /**
     * The attributes a partial caption names: colour, shape, and all but one to three (uniformly many, then uniformly
     * which) of background, size and position.
     */
    public static Set<ShapeAttribute> randomNamedSet(Random rng) {
        List<ShapeAttribute> optional = new ArrayList<>(OPTIONAL);
        Collections.shuffle(optional, rng);
        int left = 1 + rng.nextInt(OPTIONAL.size());
        Set<ShapeAttribute> named = EnumSet.of(ShapeAttribute.COLOR, ShapeAttribute.SHAPE);
        named.addAll(optional.subList(left, optional.size()));
        return named;
    }

    private static String sizeWord(ShapeAttributes a, Random rng) {
        return pick(rng, a.size() == ShapeSize.SMALL ? List.of("small", "little") : List.of("large", "big"));
    }

    private static String backgroundWord(ShapeAttributes a, Random rng) {
        return a.background() == Background.GRAY ? pick(rng, List.of("gray", "grey")) : a.background().word();
    }

    private static String where(Position p, Random rng) {
        if (p == Position.CENTER) {
            return pick(rng, List.of("center", "centre", "middle"));
        }
        boolean top = p == Position.TOP_LEFT || p == Position.TOP_RIGHT;
        String vertical = pick(rng, top ? List.of("top", "upper") : List.of("bottom", "lower"));
        boolean left = p == Position.TOP_LEFT || p == Position.BOTTOM_LEFT;
        return vertical + (left ? " left" : " right");
    }

    private static String pick(Random rng, List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }

    private static String withArticle(String phrase) {
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }
}
