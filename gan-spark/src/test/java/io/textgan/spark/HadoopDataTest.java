package io.textgan.spark;

import io.textgan.core.data.DataOptions;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.loaders.DataSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data named by a Hadoop URI is copied to local disk once and read by the ordinary loaders. */
class HadoopDataTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderNamedByAHadoopUriIsCopiedOnceAndReadInItsLayout() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("captioned"));
        String[] colours = {"red", "green", "blue", "white", "black", "gray"};
        for (int i = 0; i < colours.length; i++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(i, i, 0xffffff);
            ImageIO.write(image, "png", folder.resolve("item" + i + ".png").toFile());
            Files.writeString(folder.resolve("item" + i + ".txt"), "a " + colours[i] + " dot\n");
        }
        DataRequest request = new DataRequest(folder.toUri().toString(), DataOptions.defaults(), 8, 0, 1, tmp.resolve("cache"));
        assertTrue(request.data().startsWith("file:/"), request.data());
        DataRequest local = HadoopData.local(request);
        assertNotEquals(request.data(), local.data());
        assertTrue(Files.isRegularFile(Path.of(local.data()).resolve("item3.txt")));
        assertEquals(local.data(), HadoopData.local(request).data(), "copied once per JVM");
        assertEquals(6, DataSources.open(local).all().size());

        DataRequest plain = new DataRequest(folder.toString(), DataOptions.defaults(), 8, 0, 1, tmp.resolve("cache"));
        assertSame(plain, HadoopData.local(plain));
        DataRequest missing = new DataRequest(tmp.resolve("nothing").toUri().toString(), DataOptions.defaults(), 8, 0, 1, tmp);
        assertEquals("no data at " + missing.data(), assertThrows(IOException.class, () -> HadoopData.local(missing)).getMessage());
    }
}
