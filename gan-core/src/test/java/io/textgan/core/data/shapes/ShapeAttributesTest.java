package io.textgan.core.data.shapes;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShapeAttributesTest {

    @Test
    void allHas960DistinctCombinationsAndIndexRoundTrips() {
        List<ShapeAttributes> all = ShapeAttributes.all();
        assertEquals(960, all.size());
        assertEquals(960, new HashSet<>(all).size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.get(i).index());
        }
        assertEquals(all, ShapeAttributes.all());
    }

    @Test
    void enumsHaveTheSpecifiedValues() {
        assertEquals(0x808080, Background.GRAY.rgb());
        assertEquals(0xFFFFFF, Background.WHITE.rgb());
        assertEquals(0x000000, Background.BLACK.rgb());
        int[][] expected = {{230, 25, 25}, {30, 180, 30}, {30, 60, 230}, {240, 220, 20}, {150, 40, 200},
                {250, 140, 0}, {0, 200, 220}, {255, 105, 180}};
        ObjectColor[] colors = ObjectColor.values();
        assertEquals(expected.length, colors.length);
        for (int i = 0; i < colors.length; i++) {
            assertEquals((expected[i][0] << 16) | (expected[i][1] << 8) | expected[i][2], colors[i].rgb(),
                    colors[i].name());
        }
        assertEquals(0.30, ShapeSize.SMALL.fraction());
        assertEquals(0.55, ShapeSize.LARGE.fraction());
        assertEquals(0.7, Position.BOTTOM_RIGHT.x());
        assertEquals(0.3, Position.TOP_RIGHT.y());
    }

    @Test
    void canonicalCaptionNamesEveryAttribute() {
        ShapeAttributes a = new ShapeAttributes(Background.BLACK, ObjectColor.RED, ShapeKind.CIRCLE,
                ShapeSize.SMALL, Position.TOP_LEFT);
        assertEquals("a small red circle in the top left on a black background", a.canonicalCaption());
        ShapeAttributes b = new ShapeAttributes(Background.GRAY, ObjectColor.CYAN, ShapeKind.DIAMOND,
                ShapeSize.LARGE, Position.CENTER);
        assertEquals("a large cyan diamond in the center on a gray background", b.canonicalCaption());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new ShapeAttributes(null, ObjectColor.RED, ShapeKind.CIRCLE,
                ShapeSize.SMALL, Position.CENTER));
        assertThrows(NullPointerException.class, () -> new ShapeAttributes(Background.BLACK, ObjectColor.RED,
                ShapeKind.CIRCLE, ShapeSize.SMALL, null));
    }
}
