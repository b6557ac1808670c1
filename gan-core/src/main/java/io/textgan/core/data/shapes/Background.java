package io.textgan.core.data.shapes;

/** Flat background colour of a shapes image. */
public enum Background {
    BLACK(0, 0, 0, "black"),
    WHITE(255, 255, 255, "white"),
    GRAY(128, 128, 128, "gray");

    private final int rgb;
    private final String word;

    Background(int r, int g, int b, String word) {
        this.rgb = (r << 16) | (g << 8) | b;
        this.word = word;
    }

    /** Colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** Canonical caption word; captions may also write "grey" for {@link #GRAY}. */
    public String word() {
        return word;
    }
}
