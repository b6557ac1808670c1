package io.textgan.core.data.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The five attributes of one shapes image; there are 3·8·4·2·5 = 960 combinations. */
public record ShapeAttributes(Background background, ObjectColor color, ShapeKind shape, ShapeSize size,
                              Position position) {

    private static final List<ShapeAttributes> ALL = enumerate();

    public ShapeAttributes {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(position, "position");
    }

    /** Every combination, ordered by background, then colour, shape, size and position (enum order). */
    public static List<ShapeAttributes> all() {
        return ALL;
    }

    /** Position of this combination in {@link #all()}. */
    public int index() {
        int i = background.ordinal();
        i = i * ObjectColor.values().length + color.ordinal();
        i = i * ShapeKind.values().length + shape.ordinal();
        i = i * ShapeSize.values().length + size.ordinal();
        return i * Position.values().length + position.ordinal();
    }

    /** One fixed phrasing, e.g. "a small red circle in the top left on a black background". */
    public String canonicalCaption() {
        return "a " + size.word() + " " + color.word() + " " + shape.word() + " in the " + position.word()
                + " on a " + background.word() + " background";
    }

    private static List<ShapeAttributes> enumerate() {
        List<ShapeAttributes> all = new ArrayList<>();
        for (Background b : Background.values()) {
            for (ObjectColor c : ObjectColor.values()) {
                for (ShapeKind k : ShapeKind.values()) {
                    for (ShapeSize s : ShapeSize.values()) {
                        for (Position p : Position.values()) {
                            all.add(new ShapeAttributes(b, c, k, s, p));
                        }
                    }
                }
            }
        }
        return List.copyOf(all);
    }
}
