package io.textgan.core.data.loaders;

import io.textgan.core.data.CaptionedImageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.textgan.core.data.loaders.Fixtures.image;
import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextC10LayoutTest {
    @TempDir
    Path tmp;

    /** CUB's layout: images/<class>/<image>.jpg and text_c10/<class>/<image>.txt; two images in each of six classes. */
    private Path cub() throws IOException {
        Path root = tmp.resolve("cub");
        for (int c = 1; c <= 6; c++) {
            String label = String.format("%03d.Bird_%d", c, c);
            for (int i = 1; i <= 2; i++) {
                String name = "Bird_" + c + "_000" + i;
                image(root.resolve("CUB_200_2011/images/" + label + "/" + name + ".jpg"), new Color(40 * c, 10, 10), 30, 20);
                text(root.resolve("text_c10/" + label + "/" + name + ".txt"), "bird of class " + c + " number " + i, "class " + c + " bird");
            }
        }
        return root;
    }

    private static Set<String> classesIn(CaptionedImageSource source) {
        Set<String> classes = new HashSet<>();
        for (int i = 0; i < source.size(); i++) {
            classes.add(source.captions(i).get(1));
        }
        return classes;
    }

    @Test
    void withoutSplitFilesEveryFifthClassIsHeldOut() throws IOException {
        Path root = cub();
        text(root.resolve("text_c10/003.Bird_3/Bird_3_0009.txt"), "a caption without its image");
        text(root.resolve("text_c10/004.Bird_4/Bird_4_0001.txt"), "");

        Dataset d = DataSources.open(request(root, tmp.resolve("cache"), 8));

        assertEquals(11, d.all().size());
        assertEquals(List.of("bird of class 1 number 1", "class 1 bird"), d.all().captions(0));
        assertEquals(Set.of("class 5 bird"), classesIn(d.heldOut()));
        assertEquals(Set.of("class 1 bird", "class 2 bird", "class 3 bird", "class 4 bird", "class 6 bird"), classesIn(d.training()));
        assertEquals(6, d.report().classes());
        assertEquals(11 * 2, d.report().captions());
        assertEquals(List.of(new SkippedFile("text_c10/003.Bird_3/Bird_3_0009.txt", "no image named Bird_3_0009.* under the data folder"),
                new SkippedFile("text_c10/004.Bird_4/Bird_4_0001.txt", "no captions in the file")), d.report().skipped());
        assertEquals(2, d.samplePrompts().size(), "prompts come from the held-out classes");
        assertTrue(d.samplePrompts().stream().allMatch(p -> p.contains("class 5")), d.samplePrompts().toString());
    }

    @Test
    void splitFilesNameTheHeldOutOrTheTrainingClasses() throws IOException {
        Path root = cub();
        text(root.resolve("testclasses.txt"), "002.Bird_2", "006.Bird_6");
        assertEquals(Set.of("class 2 bird", "class 6 bird"), classesIn(DataSources.open(request(root, tmp.resolve("cache"), 8)).heldOut()));

        java.nio.file.Files.delete(root.resolve("testclasses.txt"));
        text(root.resolve("trainvalclasses.txt"), "001.Bird_1", "002.Bird_2", "003.Bird_3", "004.Bird_4");
        assertEquals(Set.of("class 5 bird", "class 6 bird"), classesIn(DataSources.open(request(root, tmp.resolve("cache"), 8)).heldOut()));
    }

    @Test
    void oxfordFlowersKeepAllImagesInOneFolder() throws IOException {
        Path root = tmp.resolve("flowers");
        for (int i = 1; i <= 10; i++) {
            String name = String.format("image_%05d", i);
            image(root.resolve("jpg/" + name + ".jpg"), Color.ORANGE, 16, 24);
            text(root.resolve(String.format("text_c10/class_%05d/%s.txt", 1 + i % 5, name)), "a flower with orange petals");
        }
        Dataset d = DataSources.open(request(root, tmp.resolve("cache"), 8));
        assertEquals(10, d.all().size());
        assertEquals(8, d.training().size());
        assertEquals(2, d.heldOut().size());
        assertEquals("text_c10 (CUB / Oxford-102)", d.report().layout());
    }
}
