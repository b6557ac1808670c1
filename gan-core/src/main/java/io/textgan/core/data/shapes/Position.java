package io.textgan.core.data.shapes;

/** Centre of the object's bounding box as fractions of the image side (x to the right, y down; before jitter). */
public enum Position {
    CENTER(0.5, 0.5, "center"),
    TOP_LEFT(0.3, 0.3, "top left"),
    TOP_RIGHT(0.7, 0.3, "top right"),
    BOTTOM_LEFT(0.3, 0.7, "bottom left"),
    BOTTOM_RIGHT(0.7, 0.7, "bottom right");

    private final double x;
    private final double y;
    private final String words;

    Position(double x, double y, String words) {
        this.x = x;
        this.y = y;
        this.words = words;
    }

    /** Horizontal centre over image width. */
    public double x() {
        return x;
    }

    /** Vertical centre over image height, 0 at the top. */
    public double y() {
        return y;
    }

    /** Canonical caption words, e.g. "top left"; captions may use upper/lower and centre/middle. */
    public String word() {
        return words;
    }
}
