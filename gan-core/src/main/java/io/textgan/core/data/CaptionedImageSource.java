package io.textgan.core.data;

import java.awt.image.BufferedImage;
import java.util.List;

/** Images with one or more captions each: the training data of a text-to-image model. */
public interface CaptionedImageSource {

    /** Name recorded in the run directory, e.g. {@code shapes}. */
    String name();

    int size();

    /** Item i's image as RGB; the pipeline resizes it to the model size. */
    BufferedImage image(int index);

    /** Item i's captions, at least one. */
    List<String> captions(int index);
}
