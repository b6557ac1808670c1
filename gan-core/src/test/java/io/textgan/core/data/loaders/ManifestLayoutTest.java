package io.textgan.core.data.loaders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.textgan.core.data.loaders.Fixtures.image;
import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestLayoutTest {
    @TempDir
    Path tmp;

    private void images() throws IOException {
        image(tmp.resolve("export/img/a.png"), Color.RED, 8, 8);
        image(tmp.resolve("export/img/b.png"), Color.GREEN, 8, 8);
        image(tmp.resolve("export/img/c.png"), Color.BLUE, 8, 8);
    }

    @Test
    void jsonLinesGiveImagesRelativeToTheManifestCaptionsAndSplits() throws IOException {
        images();
        Path manifest = Files.writeString(tmp.resolve("export/captions.jsonl"), """
                {"image": "img/a.png", "caption": "a red square"}
                {"image": "img/a.png", "caption": "red"}

                {"file_name": "img/b.png", "text": "a green square", "split": "test"}
                {"image": "img/c.png", "captions": ["blue", "a blue square"], "split": "train"}
                {"image": "img/missing.png", "caption": "gone"}
                {"image": "img/c.png"}
                {"image": "img/b.png", "caption": "x", "split": "later"}
                not json
                [1, 2]
                """);

        Dataset d = DataSources.open(request(manifest, tmp.resolve("cache"), 8));

        assertEquals(3, d.all().size());
        assertEquals(List.of("a red square", "red"), d.all().captions(0));
        assertEquals(List.of("blue", "a blue square"), d.all().captions(2));
        assertEquals(0x00FF00, rgb(d, 1, 3, 3));
        assertEquals(2, d.training().size());
        assertEquals(List.of("a green square"), d.heldOut().captions(0));
        assertEquals(List.of("line 7", "line 8", "line 9", "line 10", "img/missing.png"),
                d.report().skipped().stream().map(SkippedFile::file).toList());
        assertEquals("no caption (field caption or text)", d.report().skipped().get(0).reason());
        assertEquals("unknown split 'later' (train, test, val or validation)", d.report().skipped().get(1).reason());
        assertTrue(d.report().skipped().get(2).reason().startsWith("not valid JSON: "), d.report().skipped().get(2).reason());
        assertEquals("not a JSON object", d.report().skipped().get(3).reason());
        assertEquals("file not found", d.report().skipped().get(4).reason());
        assertEquals("captions", d.name());
    }

    @Test
    void csvWithQuotedFieldsAndAnAbsolutePath() throws IOException {
        images();
        Path manifest = Files.writeString(tmp.resolve("export/captions.csv"), "\uFEFFimage,caption,split\r\n"
                + "img/a.png,\"a red square, seen from above\",\r\n"
                + "img/b.png,\"the \"\"green\"\" one\",val\r\n"
                + "\"" + tmp.resolve("export/img/c.png").toAbsolutePath() + "\",\"blue\nsquare\",train\r\n"
                + "img/c.png,too,many,fields\r\n");

        Dataset d = DataSources.open(request(manifest, tmp.resolve("cache"), 8));

        assertEquals(List.of("a red square, seen from above"), d.all().captions(0));
        assertEquals(List.of("the \"green\" one"), d.heldOut().captions(0));
        assertEquals(List.of("blue\nsquare"), d.all().captions(2));
        assertEquals(List.of(new SkippedFile("line 6", "4 fields where the header has 3")), d.report().skipped());
    }

    @Test
    void aCsvWithoutTheNeededColumnsOrWithAnOpenQuoteIsRefused() throws IOException {
        Path noCaption = Files.writeString(tmp.resolve("a.csv"), "image,label\nx.png,cat\n");
        assertTrue(assertThrows(IOException.class, () -> DataSources.open(request(noCaption, tmp, 8))).getMessage()
                .startsWith("the CSV header needs an image column"));
        Path open = Files.writeString(tmp.resolve("b.csv"), "image,caption\nx.png,ok\ny.png,\"never\nclosed\n");
        assertEquals("a quoted field starting on line 3 is never closed",
                assertThrows(IOException.class, () -> DataSources.open(request(open, tmp, 8))).getMessage());
    }
}
