package io.textgan.core.data.shapes;

/** Flat colour of the object in a shapes image. */
public enum ObjectColor {
    RED(230, 25, 25, "red"),
    GREEN(30, 180, 30, "green"),
    BLUE(30, 60, 230, "blue"),
    YELLOW(240, 220, 20, "yellow"),
    PURPLE(150, 40, 200, "purple"),
    ORANGE(250, 140, 0, "orange"),
    CYAN(0, 200, 220, "cyan"),
    PINK(255, 105, 180, "pink");

    private final int rgb;
    private final String word;

    ObjectColor(int r, int g, int b, String word) {
        this.rgb = (r << 16) | (g << 8) | b;
        this.word = word;
    }

    /** Colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** Caption word. */
    public String word() {
        return word;
    }
}
