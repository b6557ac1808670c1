package io.textgan.core.data.shapes;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeCaptionsTest {
    private static final Map<String, Background> BACKGROUNDS = Map.of(
            "black", Background.BLACK, "white", Background.WHITE, "gray", Background.GRAY, "grey", Background.GRAY);
    private static final Map<String, ShapeSize> SIZES = Map.of(
            "small", ShapeSize.SMALL, "little", ShapeSize.SMALL, "large", ShapeSize.LARGE, "big", ShapeSize.LARGE);
    private static final Set<String> COLORS = Set.of(
            "red", "green", "blue", "yellow", "purple", "orange", "cyan", "pink");
    private static final Set<String> SHAPES = Set.of("circle", "square", "triangle", "diamond");

    @Test
    void everyPhrasingNamesAllFiveAttributes() {
        assertTrue(ShapeCaptions.phrasingCount() >= 8);
        Random rng = new Random(3);
        for (int p = 0; p < ShapeCaptions.phrasingCount(); p++) {
            Set<String> captions = new HashSet<>();
            for (ShapeAttributes a : ShapeAttributes.all()) {
                for (int k = 0; k < 3; k++) {
                    String caption = ShapeCaptions.caption(a, p, rng);
                    assertEquals(a, parse(caption), caption);
                    captions.add(caption);
                }
            }
            assertTrue(captions.size() > 960, "phrasing " + p + " varies its synonyms");
        }
        assertThrows(IllegalArgumentException.class,
                () -> ShapeCaptions.caption(ShapeAttributes.all().get(0), ShapeCaptions.phrasingCount(), rng));
    }

    @Test
    void randomCaptionsUseEveryPhrasingAndSynonym() {
        Random rng = new Random(11);
        Set<String> shapesOfSentence = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            ShapeAttributes a = ShapeAttributes.all().get(rng.nextInt(960));
            String caption = ShapeCaptions.caption(a, rng);
            assertEquals(a, parse(caption), caption);
            words.addAll(Arrays.asList(caption.split("[^a-z]+")));
            shapesOfSentence.add(caption.replace(a.color().word(), "C").replace(a.shape().word(), "K")
                    .replaceAll("\\b(small|little|large|big)\\b", "S")
                    .replaceAll("\\b(top|upper|bottom|lower) (left|right)|\\b(center|centre|middle)\\b", "P")
                    .replaceAll("\\b(black|white|gray|grey) background", "B").replace("an ", "a "));
        }
        assertEquals(ShapeCaptions.phrasingCount(), shapesOfSentence.size(), shapesOfSentence.toString());
        assertTrue(words.containsAll(List.of("grey", "gray", "upper", "top", "lower", "bottom", "centre", "center",
                "middle", "big", "large", "little", "small")), words.toString());
    }

    @Test
    void partialCaptionsNameColourShapeAndExactlyTheChosenOthers() {
        Random rng = new Random(5);
        Map<Integer, Integer> openCounts = new java.util.HashMap<>();
        for (int i = 0; i < 3000; i++) {
            ShapeAttributes a = ShapeAttributes.all().get(rng.nextInt(960));
            Set<ShapeAttribute> named = ShapeCaptions.randomNamedSet(rng);
            assertTrue(named.contains(ShapeAttribute.COLOR) && named.contains(ShapeAttribute.SHAPE), named.toString());
            openCounts.merge(5 - named.size(), 1, Integer::sum);
            String caption = ShapeCaptions.partialCaption(a, named, rng);
            List<String> words = Arrays.asList(caption.split("[^a-z]+"));
            assertTrue(words.contains(a.color().word()) && words.contains(a.shape().word()), caption);
            assertEquals(named.contains(ShapeAttribute.SIZE),
                    words.stream().anyMatch(SIZES::containsKey), caption);
            words.stream().filter(SIZES::containsKey).forEach(w -> assertEquals(a.size(), SIZES.get(w), caption));
            assertEquals(named.contains(ShapeAttribute.BACKGROUND),
                    words.stream().anyMatch(BACKGROUNDS::containsKey), caption);
            words.stream().filter(BACKGROUNDS::containsKey).forEach(w -> assertEquals(a.background(), BACKGROUNDS.get(w), caption));
            boolean placed = words.stream().anyMatch(w -> w.matches("top|upper|bottom|lower|left|right|center|centre|middle"));
            assertEquals(named.contains(ShapeAttribute.POSITION), placed, caption);
        }
        assertEquals(Set.of(1, 2, 3), openCounts.keySet(), "one to three attributes left open");
        openCounts.values().forEach(c -> assertTrue(c > 800, openCounts.toString()));
        assertThrows(IllegalArgumentException.class,
                () -> ShapeCaptions.partialCaption(ShapeAttributes.all().get(0), Set.of(ShapeAttribute.COLOR), rng));
    }

    @Test
    void reorderedCaptionsNameAllFiveInWordOrdersTrainingNeverUses() {
        Random rng = new Random(8);
        for (int order = 0; order < ShapeCaptions.reorderingCount(); order++) {
            for (ShapeAttributes a : ShapeAttributes.all()) {
                String caption = ShapeCaptions.reorderedCaption(a, order, rng);
                assertEquals(a, parse(caption), caption);
            }
        }
    }

    @Test
    void aThirdOfTheTrainingCaptionsArePartialAndHeldOutCaptionsNeverAre() {
        ShapesSource training = ShapesSource.training(600, 16, 3);
        long partial = java.util.stream.IntStream.range(0, training.size()).boxed()
                .flatMap(i -> training.captions(i).stream()).filter(c -> !c.contains("background") || !c.matches(".*\\b(small|little|large|big)\\b.*")
                        || !c.matches(".*\\b(top|upper|bottom|lower|center|centre|middle)\\b.*")).count();
        double share = partial / (double) (training.size() * ShapesSource.CAPTIONS_PER_ITEM);
        assertTrue(share > 0.25 && share < 0.42, "partial share " + share);
        ShapesSource heldOut = ShapesSource.heldOut(100, 16, 3);
        for (int i = 0; i < heldOut.size(); i++) {
            for (String c : heldOut.captions(i)) {
                assertEquals(heldOut.attributes(i), parse(c), c);
            }
        }
    }

    @Test
    void sameRandomStateGivesSameCaption() {
        ShapeAttributes a = ShapeAttributes.all().get(123);
        assertEquals(ShapeCaptions.caption(a, new Random(5)), ShapeCaptions.caption(a, new Random(5)));
    }

    /** Reads the attributes back from a caption; fails on a missing, repeated or contradictory attribute word. */
    private static ShapeAttributes parse(String caption) {
        String[] tokens = caption.split("[^a-z]+");
        Background background = null;
        ObjectColor color = null;
        ShapeKind shape = null;
        ShapeSize size = null;
        Boolean top = null;
        Boolean left = null;
        boolean center = false;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (BACKGROUNDS.containsKey(t)) {
                assertTrue(i + 1 < tokens.length && tokens[i + 1].equals("background"), caption);
                background = once(background, BACKGROUNDS.get(t), caption);
            } else if (COLORS.contains(t)) {
                color = once(color, ObjectColor.valueOf(t.toUpperCase()), caption);
            } else if (SHAPES.contains(t)) {
                shape = once(shape, ShapeKind.valueOf(t.toUpperCase()), caption);
            } else if (SIZES.containsKey(t)) {
                size = once(size, SIZES.get(t), caption);
            } else if (t.equals("top") || t.equals("upper") || t.equals("bottom") || t.equals("lower")) {
                top = once(top, t.equals("top") || t.equals("upper"), caption);
            } else if (t.equals("left") || t.equals("right")) {
                left = once(left, t.equals("left"), caption);
            } else if (t.equals("center") || t.equals("centre") || t.equals("middle")) {
                assertTrue(!center, caption);
                center = true;
            }
        }
        assertTrue(center == (top == null) && (top == null) == (left == null), caption);
        Position position = center ? Position.CENTER
                : top ? (left ? Position.TOP_LEFT : Position.TOP_RIGHT)
                : (left ? Position.BOTTOM_LEFT : Position.BOTTOM_RIGHT);
        return new ShapeAttributes(background, color, shape, size, position);
    }

    private static <T> T once(T previous, T value, String caption) {
        assertEquals(null, previous, "attribute named twice: " + caption);
        return value;
    }
}
