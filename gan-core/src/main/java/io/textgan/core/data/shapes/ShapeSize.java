package io.textgan.core.data.shapes;

/** Side of the object's bounding box as a fraction of the image side (before jitter). */
public enum ShapeSize {
    SMALL(0.30, "small"),
    LARGE(0.55, "large");

    private final double fraction;
    private final String word;

    ShapeSize(double fraction, String word) {
        this.fraction = fraction;
        this.word = word;
    }

    /** Box side divided by the image side. */
    public double fraction() {
        return fraction;
    }

    /** Canonical caption word; captions may also write "little" or "big". */
    public String word() {
        return word;
    }
}
