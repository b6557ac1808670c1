package io.textgan.cli;

import io.textgan.cli.GanCliEndToEndTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan train --generator film} and {@code --conditioning-augmentation} on a tiny model, then generate from the run. */
class FilmAndAugmentationCliTest {
    @TempDir
    Path tmp;

    private Path train(String name, String... options) throws IOException {
        Path run = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--image-size", "16", "--ngf", "4", "--ndf", "4",
                "--noise-size", "8", "--text-size", "16", "--shapes-count", "32", "--batch-size", "16", "--steps", "2",
                "--encoder-steps", "0", "--best-metric", "none", "--run", run.toString()));
        args.addAll(List.of(options));
        Result r = gan(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return run;
    }

    private void generates(Path run) throws IOException {
        Path out = tmp.resolve(run.getFileName() + "-images");
        Result r = gan("generate", "--run", run.toString(), "--prompt", "a small red circle on a white background",
                "-n", "2", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(16, ImageIO.read(out.resolve("image-0002.png").toFile()).getWidth());
        Path again = tmp.resolve(run.getFileName() + "-again");
        gan("generate", "--run", run.toString(), "--prompt", "a small red circle on a white background",
                "-n", "2", "--seed", "3", "--out", again.toString());
        assertEquals(-1, Files.mismatch(out.resolve("image-0002.png"), again.resolve("image-0002.png")),
                "generation is deterministic");
    }

    @Test
    void theFilmGeneratorTrainsGeneratesAndSummarises() throws IOException {
        Path run = train("film", "--generator", "film");
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"generator\" : \"film\"") && config.contains("\"conditioningAugmentation\" : false"), config);
        generates(run);
        Result summary = gan("summary", "--run", run.toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains("FiLM(128->2x32)") && summary.out().contains("FiLM(128->2x16)"), summary.out());
        assertTrue(gan("models").out().matches("(?s).*generators:\n  dcgan .*\n  film .*FiLM.*"), gan("models").out());
    }

    @Test
    void conditioningAugmentationTrainsGeneratesAndIsKeptOnResume() throws IOException {
        Path run = train("augmented", "--conditioning-augmentation");
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"conditioningAugmentation\" : true"), config);
        generates(run);
        assertTrue(gan("summary", "--run", run.toString()).out().contains("CondAug(16->2x128)"));
        Result resumed = gan("train", "--resume", run.toString(), "--steps", "3");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"conditioningAugmentation\" : true"));
    }
}
