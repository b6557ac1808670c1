package io.textgan.core.data.loaders;

import io.textgan.core.data.DataOptions;
import io.textgan.core.data.shapes.ShapesSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void shapesAreBuiltInWithHeldOutPromptsAndAreNeverFlipped() throws IOException {
        Dataset d = DataSources.open(new DataRequest("shapes", DataOptions.defaults(), 16, 64, 3, tmp));
        assertEquals(64, d.training().size());
        assertEquals(512, d.heldOut().size());
        assertEquals(ShapesSplit.spreadPrompts(8), d.samplePrompts());
        assertEquals("shapes", d.training().name());
        assertEquals(0, d.report().skipped().size());
        assertEquals("shapes are never flipped: their captions say left and right", assertThrows(IllegalArgumentException.class,
                () -> DataSources.open(new DataRequest("shapes", new DataOptions("center", true, "white", 1), 16, 64, 3, tmp))).getMessage());
    }

    @Test
    void aMissingPathOrAnUnknownKindOfFileIsAOneLineError() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> DataSources.open(request(tmp.resolve("nowhere"), tmp, 8)));
        assertTrue(missing.getMessage().startsWith("no data at " + tmp.resolve("nowhere") + ": give 'shapes'"), missing.getMessage());
        Path notes = text(tmp.resolve("notes.md"), "hello");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DataSources.open(request(notes, tmp, 8)));
        assertTrue(unknown.getMessage().startsWith("cannot read " + notes + " as data"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSources.open(request(Files.createDirectories(tmp.resolve("empty")), tmp, 8)));
    }
}
