package io.textgan.core.metrics;

import io.textgan.core.data.shapes.Background;
import io.textgan.core.data.shapes.ObjectColor;
import io.textgan.core.data.shapes.Position;
import io.textgan.core.data.shapes.ShapeAttribute;
import io.textgan.core.data.shapes.ShapeKind;
import io.textgan.core.data.shapes.ShapeSize;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spread of an open attribute: 1 when evenly over all its values, 0 when always the same. */
class OpenAttributeEntropyTest {

    private static ShapesAttributeChecker.Measurement at(Position p) {
        return new ShapesAttributeChecker.Measurement(Background.BLACK, ObjectColor.RED, ShapeKind.CIRCLE, ShapeSize.SMALL, p);
    }

    @Test
    void evenOverAllValuesIsOneAndAlwaysTheSameIsZero() {
        List<ShapesAttributeChecker.Measurement> even = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            even.add(at(Position.values()[i % 5]));
        }
        assertEquals(1.0, ShapesEvaluation.normalisedEntropy(even, ShapeAttribute.POSITION), 1e-12);
        assertEquals(0.0, ShapesEvaluation.normalisedEntropy(even, ShapeAttribute.SIZE), 1e-12);
    }

    @Test
    void twoOfFiveValuesEvenlyIsLogTwoOverLogFiveAndUnmeasuredImagesAreLeftOut() {
        List<ShapesAttributeChecker.Measurement> two = new ArrayList<>(List.of(at(Position.CENTER), at(Position.TOP_LEFT),
                new ShapesAttributeChecker.Measurement(Background.BLACK, null, null, null, null)));
        assertEquals(Math.log(2) / Math.log(5), ShapesEvaluation.normalisedEntropy(two, ShapeAttribute.POSITION), 1e-12);
    }
}
