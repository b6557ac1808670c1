package io.textgan.core.data.shapes;

import java.util.function.Function;

/** One of the five attributes of a shapes image, with its name in reports and its number of values. */
public enum ShapeAttribute {
    BACKGROUND("background", Background.values().length, ShapeAttributes::background),
    COLOR("colour", ObjectColor.values().length, ShapeAttributes::color),
    SHAPE("shape", ShapeKind.values().length, ShapeAttributes::shape),
    SIZE("size", ShapeSize.values().length, ShapeAttributes::size),
    POSITION("position", Position.values().length, ShapeAttributes::position);

    private final String label;
    private final int valueCount;
    private final Function<ShapeAttributes, Enum<?>> value;

    ShapeAttribute(String label, int valueCount, Function<ShapeAttributes, Enum<?>> value) {
        this.label = label;
        this.valueCount = valueCount;
        this.value = value;
    }

    /** The attribute's name in reports: background, colour, shape, size, position. */
    public String label() {
        return label;
    }

    /** How many values it takes. */
    public int valueCount() {
        return valueCount;
    }

    /** Its value in {@code a}. */
    public Enum<?> of(ShapeAttributes a) {
        return value.apply(a);
    }
}
