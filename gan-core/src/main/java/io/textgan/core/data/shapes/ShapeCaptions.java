package io.textgan.core.data.shapes;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Random captions for a shapes image: varied word order and synonyms, always naming all five attributes. */
public final class ShapeCaptions {
    private static final int PHRASINGS = 10;

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
    static String caption(ShapeAttributes a, int phrasing, Random rng) {
        Objects.requireNonNull(a, "attributes");
        String size = pick(rng, a.size() == ShapeSize.SMALL ? List.of("small", "little") : List.of("large", "big"));
        String color = a.color().word();
        String shape = a.shape().word();
        String where = where(a.position(), rng);
        String bg = (a.background() == Background.GRAY ? pick(rng, List.of("gray", "grey")) : a.background().word())
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
