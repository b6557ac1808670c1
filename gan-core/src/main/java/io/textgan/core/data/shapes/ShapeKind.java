package io.textgan.core.data.shapes;

/** Outline of the object, drawn inside its square bounding box. */
public enum ShapeKind {
    /** Circle inscribed in the box. */
    CIRCLE("circle"),
    /** The box itself, axis-aligned. */
    SQUARE("square"),
    /** Upright isosceles triangle: apex at the top centre of the box, base along its bottom edge. */
    TRIANGLE("triangle"),
    /** Square rotated 45°: vertices at the midpoints of the box's edges. */
    DIAMOND("diamond");

    private final String word;

    ShapeKind(String word) {
        this.word = word;
    }

    /** Caption word. */
    public String word() {
        return word;
    }
}
