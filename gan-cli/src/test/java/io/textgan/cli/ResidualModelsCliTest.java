package io.textgan.cli;

import io.textgan.cli.GanCliEndToEndTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The residual generator and discriminator through the real {@code gan} entry point: listed, trained, used, summarised. */
class ResidualModelsCliTest {
    @TempDir
    Path tmp;

    @Test
    void modelsListsBothResidualNetworks() {
        Result models = gan("models");
        assertEquals(0, models.code(), models.err());
        assertTrue(models.out().matches("(?s)generators:\n(  \\S+ .*\n)*  residual +SNGAN/BigGAN-style.*\ndiscriminators:\n"
                + "(  \\S+ .*\n)*  residual +SNGAN-style.*\ntext encoders:.*"), models.out());
    }

    @Test
    void aResidualModelTrainsAndGeneratesFromItsRun() throws IOException {
        Path run = tmp.resolve("run");
        Result train = gan("train", "--generator", "residual", "--discriminator", "residual", "--image-size", "16",
                "--ngf", "4", "--ndf", "4", "--noise-size", "8", "--text-size", "16", "--shapes-count", "32",
                "--batch-size", "16", "--steps", "4", "--encoder-steps", "0", "--best-metric", "none", "--run", run.toString());
        assertEquals(0, train.code(), train.err());
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.matches("(?s).*\"generator\" : \"residual\".*\"discriminator\" : \"residual\".*"), config);
        String log = Files.readString(run.resolve("train.log"));
        Matcher done = Pattern.compile("epoch (\\d) done .* D ([-\\d.NaInfity]+) G ([-\\d.NaInfity]+)").matcher(log);
        int epochs = 0;
        while (done.find()) {
            epochs++;
            assertTrue(Double.isFinite(Double.parseDouble(done.group(2))) && Double.isFinite(Double.parseDouble(done.group(3))), done.group());
        }
        assertEquals(2, epochs, "32 items in batches of 16: 4 steps are 2 epochs\n" + log);

        Path out = tmp.resolve("generated");
        Result generate = gan("generate", "--run", run.toString(), "--prompt", "a red circle on a white background", "-n", "2",
                "--seed", "3", "--out", out.toString());
        assertEquals(0, generate.code(), generate.err());
        for (String file : List.of("image-0001.png", "image-0002.png")) {
            BufferedImage image = ImageIO.read(out.resolve(file).toFile());
            assertEquals(16, image.getWidth(), file);
        }

        Result summary = gan("summary", "--run", run.toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains("generator (residual)") && summary.out().contains("Residual(g.block2)")
                && summary.out().contains("discriminator (residual)") && summary.out().contains("Residual(d.block2)"), summary.out());
    }
}
