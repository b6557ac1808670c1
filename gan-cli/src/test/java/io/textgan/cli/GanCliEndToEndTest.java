package io.textgan.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code gan} entry point on a tiny model: train, then generate, evaluate and summarise from its checkpoint.
 * Its {@link #gan} runs a command line for the other end-to-end tests too (public for those in other packages).
 */
public class GanCliEndToEndTest {
    @TempDir
    static Path tmp;
    static Path run;

    /** Exit code, standard output and standard error of one {@code gan} command line. */
    public record Result(int code, String out, String err) {
    }

    /** Runs a {@code gan} command line in this JVM, as the {@code gan} command would. */
    public static Result gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GanMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainTinyModel() {
        run = tmp.resolve("run");
        Result r = gan("train", "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8", "--text-size", "16",
                "--shapes-count", "64", "--batch-size", "16", "--steps", "6", "--encoder-steps", "3", "--run", run.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void exportWritesTheModelAsOnnxWithItsVocabularyAndRefusesBadRequestsInOneLine() throws IOException {
        Path onnx = tmp.resolve("model.onnx");
        Result ok = gan("export", "--run", run.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("as ONNX (opset 13"), ok.out());
        assertTrue(ok.out().contains("inputs: tokens int64 [N, L], lengths int64 [N], noise [N, 8]; output: image "
                + "[N, 3, 16, 16] in [-1, 1]"), ok.out());
        assertTrue(Files.readString(tmp.resolve("vocabulary.json")).contains("\"tokens\""));
        byte[] bytes = Files.readAllBytes(onnx);
        assertEquals(0x08, bytes[0], "ModelProto field 1 (ir_version) first");
        assertEquals(7, bytes[1], "IR version 7");

        Result missing = gan("export", "--run", tmp.resolve("nope").toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(2, missing.code());
        assertEquals("gan: no run directory at " + tmp.resolve("nope") + "\n", missing.err().replace("\r", ""));
        Result format = gan("export", "--run", run.toString(), "--format", "tflite", "--out", onnx.toString());
        assertEquals(2, format.code());
        assertEquals("gan: unknown export format 'tflite': the one format is onnx\n", format.err().replace("\r", ""));
        Path nowhere = tmp.resolve("no-such-dir/model.onnx");
        Result unwritable = gan("export", "--run", run.toString(), "--format", "onnx", "--out", nowhere.toString());
        assertEquals(2, unwritable.code());
        assertEquals("gan: cannot write " + nowhere + ": no directory " + nowhere.getParent() + "\n",
                unwritable.err().replace("\r", ""));
        Result directory = gan("export", "--run", run.toString(), "--format", "onnx", "--out", tmp.toString());
        assertEquals(2, directory.code());
        assertEquals("gan: cannot write " + tmp + ": it is a directory\n", directory.err().replace("\r", ""));
    }

    @Test
    void trainingWritesSamplesCheckpointsAndFiniteLosses() throws IOException {
        // 64 items / 16 per batch = 4 steps per epoch: 6 steps end inside epoch 2, whose checkpoint is named by step
        for (String f : List.of("config.json", "train.log", "samples/epoch-0001.png", "samples/epoch-0001.txt",
                "samples/epoch-0002.png", "checkpoints/latest", "checkpoints/epoch-0001/generator.safetensors",
                "checkpoints/epoch-0001-step-00000006/generator.safetensors", "checkpoints/epoch-0001-step-00000006/manifest.json",
                "checkpoints/epoch-0001/config.json", "checkpoints/epoch-0001/sample-prompts.txt",
                "checkpoints/epoch-0001/sample-noise.bin")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        BufferedImage grid = ImageIO.read(run.resolve("samples/epoch-0001.png").toFile());
        assertEquals(8 * 18 + 2, grid.getHeight(), "8 prompt rows of 16 px with gutters");
        assertEquals(8, Files.readAllLines(run.resolve("samples/epoch-0001.txt")).size());
        String log = Files.readString(run.resolve("train.log"));
        Matcher m = Pattern.compile("epoch (\\d) done .* D ([-\\d.NaInfity]+) G ([-\\d.NaInfity]+)").matcher(log);
        int epochs = 0;
        while (m.find()) {
            epochs++;
            assertTrue(Double.isFinite(Double.parseDouble(m.group(2))) && Double.isFinite(Double.parseDouble(m.group(3))), m.group());
        }
        assertEquals(2, epochs, log);
    }

    @Test
    void resumeContinuesARunToMoreEpochs() throws IOException {
        Path copy = tmp.resolve("resumed");
        try (var walk = Files.walk(run)) {
            for (Path p : walk.toList()) {
                Files.copy(p, copy.resolve(run.relativize(p).toString()));
            }
        }
        // as if killed while replacing the best checkpoint, between moving the old one aside and the new one in
        Files.move(copy.resolve("checkpoints/best"), copy.resolve("checkpoints/.previous-best"));
        Result fromBest = gan("generate", "--run", copy.toString(), "--checkpoint", "best", "--prompt", "a red circle",
                "-n", "1", "--out", tmp.resolve("from-interrupted-best").toString());
        assertEquals(0, fromBest.code(), fromBest.err());

        Result r = gan("train", "--resume", copy.toString(), "--epochs", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("epoch-0003", Files.readString(copy.resolve("checkpoints/latest")).strip());
        assertTrue(Files.isRegularFile(copy.resolve("checkpoints/best/best.json")));
        assertFalse(Files.exists(copy.resolve("checkpoints/.previous-best")));
        assertTrue(Files.exists(copy.resolve("samples/epoch-0003.png")));
        assertTrue(Files.readString(copy.resolve("train.log")).contains("resuming"));
        Result missing = gan("train", "--resume", tmp.resolve("nothing-here").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("gan: no run to resume at"), missing.err());
    }

    @Test
    void withAGeneratorAverageCheckpointsKeepTheTrainedWeightsBesideItAndKeepCheckpointsPrunes() throws IOException {
        Path ema = tmp.resolve("ema");
        Result r = gan("train", "--ema", "0.9", "--keep-checkpoints", "1", "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
                "--text-size", "16", "--shapes-count", "32", "--batch-size", "16", "--steps", "2", "--encoder-steps", "0",
                "--run", ema.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(ema.resolve("config.json")).matches("(?s).*\"emaDecay\" : 0.9\\b.*"));
        Path checkpoint = ema.resolve("checkpoints/epoch-0001");
        assertTrue(Files.exists(checkpoint.resolve("generator-trained.safetensors")));
        assertFalse(Files.exists(ema.resolve("checkpoints/epoch-0000")), "--keep-checkpoints 1 keeps only the newest");
        assertTrue(Files.exists(run.resolve("checkpoints/epoch-0001/generator-trained.safetensors")), "the default averages too");
        Path plain = tmp.resolve("no-ema");
        assertEquals(0, gan("train", "--ema", "0", "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8", "--text-size", "16",
                "--shapes-count", "32", "--batch-size", "16", "--steps", "1", "--encoder-steps", "0", "--run", plain.toString()).code());
        assertFalse(Files.exists(plain.resolve("checkpoints/epoch-0001/generator-trained.safetensors")), "only with an average");
        assertTrue(Files.mismatch(checkpoint.resolve("generator.safetensors"), checkpoint.resolve("generator-trained.safetensors")) >= 0);
        Result bad = gan("train", "--ema", "1", "--run", tmp.resolve("bad-ema").toString());
        assertEquals(2, bad.code());
        assertEquals("gan: emaDecay must be in [0, 1) (0: off): 1.0", bad.err().strip());
    }

    @Test
    void theLossIsChosenByNameStoredInTheRunAndUsedOnResume() throws IOException {
        Path lsgan = tmp.resolve("lsgan");
        Result r = gan("train", "--loss", "least-squares", "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
                "--text-size", "16", "--shapes-count", "32", "--batch-size", "16", "--steps", "2", "--encoder-steps", "0",
                "--run", lsgan.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(lsgan.resolve("config.json")).matches("(?s).*\"loss\" : \"least-squares\".*"));
        Result resumed = gan("train", "--resume", lsgan.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.readString(lsgan.resolve("train.log")).matches("(?s).*resuming .* loss least-squares.*"),
                Files.readString(lsgan.resolve("train.log")));
    }

    @Test
    void generateWritesOnePngPerImageAndAManifest() throws IOException {
        Path out = tmp.resolve("generated");
        Result r = gan("generate", "--run", run.toString(), "--prompt", "a large green square in the center on a white background",
                "--prompt", "small red circle, top left, black background", "-n", "3", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> manifest = Files.readAllLines(out.resolve("manifest.jsonl"));
        assertEquals(6, manifest.size());
        assertTrue(manifest.get(0).matches("\\{ ?\"file\" : \"image-0001.png\", \"prompt\" : \"a large green square.*\", \"seed\" : 5 ?}"), manifest.get(0));
        assertTrue(manifest.get(5).contains("\"seed\" : 10"), manifest.get(5));
        for (int i = 1; i <= 6; i++) {
            BufferedImage image = ImageIO.read(out.resolve(String.format("image-%04d.png", i)).toFile());
            assertEquals(16, image.getWidth());
        }
    }

    @Test
    void generationIsReproducibleFromTheSeed() throws IOException {
        String prompt = "a big blue diamond in the middle on a gray background";
        gan("generate", "--run", run.toString(), "--prompt", prompt, "-n", "1", "--seed", "9", "--out", tmp.resolve("a").toString());
        gan("generate", "--run", run.toString(), "--prompt", prompt, "-n", "1", "--seed", "9", "--out", tmp.resolve("b").toString());
        assertEquals(-1, Files.mismatch(tmp.resolve("a/image-0001.png"), tmp.resolve("b/image-0001.png")));
    }

    @Test
    void theBestCheckpointByHeldOutAccuracyIsKeptAndUsable() throws IOException {
        String record = Files.readString(run.resolve("checkpoints/best/best.json"));
        assertTrue(record.contains("\"metric\" : \"shapes-accuracy\""), record);
        Result r = gan("generate", "--run", run.toString(), "--checkpoint", "best", "--prompt", "a red circle", "-n", "1",
                "--out", tmp.resolve("from-best").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("from-best/image-0001.png")));
    }

    @Test
    void gridOption() throws IOException {
        Path out = tmp.resolve("grid");
        Result r = gan("generate", "--run", run.toString(), "--prompt", "a red circle on a white background", "-n", "4",
                "--grid", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage grid = ImageIO.read(out.resolve("grid.png").toFile());
        assertEquals(4 * 18 + 2, grid.getWidth());
        assertEquals(4, Files.readAllLines(out.resolve("manifest.jsonl")).size());
    }

    @Test
    void interpolateWritesAStripOfStepsImagesAndALegendOfItsColumns() throws IOException {
        String a = "a large green square in the center on a white background";
        String b = "small red circle, top left, black background";
        Path out = tmp.resolve("text-walk");
        Result r = gan("interpolate", "--run", run.toString(), "--from", a, "--to", b, "--steps", "8", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage strip = ImageIO.read(out.resolve("interpolation.png").toFile());
        assertEquals(8 * 18 + 2, strip.getWidth());
        assertEquals(18 + 2, strip.getHeight());
        List<String> legend = Files.readAllLines(out.resolve("interpolation.txt"));
        assertEquals(9, legend.size());
        assertTrue(legend.get(0).startsWith("text walk from A = \"a large green square"), legend.get(0));
        assertEquals("column 1: 1.000 A + 0.000 B", legend.get(1));
        assertEquals("column 3: 0.714 A + 0.286 B", legend.get(3));
        assertEquals("column 8: 0.000 A + 1.000 B", legend.get(8));
    }

    @Test
    void interpolateNoiseWalkOnTheGreatCircleOrAStraightLine() throws IOException {
        String prompt = "a big blue diamond in the middle on a gray background";
        for (String path : List.of("spherical", "linear")) {
            Path out = tmp.resolve("noise-walk-" + path);
            List<String> args = new ArrayList<>(List.of("interpolate", "--run", run.toString(), "--noise-walk",
                    "--prompt", prompt, "--steps", "4", "--seed", "11", "--out", out.toString()));
            if (path.equals("linear")) {
                args.add("--linear");
            }
            Result r = gan(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            BufferedImage strip = ImageIO.read(out.resolve("interpolation.png").toFile());
            assertEquals(4 * 18 + 2, strip.getWidth());
            List<String> legend = Files.readAllLines(out.resolve("interpolation.txt"));
            assertTrue(legend.get(0).startsWith("noise walk (" + (path.equals("linear") ? "straight line" : "great circle")
                    + ") from the noise of seed 11 to that of seed 12"), legend.get(0));
            assertEquals("column 2: t = 0.333", legend.get(2));
        }
    }

    @Test
    void evaluateReportsEveryAttribute() {
        Result r = gan("evaluate", "--run", run.toString(), "--images-per-prompt", "1", "--images", "16",
                "--eval-encoder-steps", "3", "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.code(), r.err());
        for (String attribute : List.of("background", "colour", "shape", "size", "position")) {
            assertTrue(r.out().matches("(?s).*" + attribute + "\\s+\\d+\\.\\d%.*"), r.out());
        }
        assertTrue(r.out().contains("FD_local") && r.out().contains("R-precision"), r.out());
        assertTrue(Files.exists(run.resolve("evaluation.json")));
    }

    @Test
    void modelsAndSummary() {
        Result models = gan("models");
        assertEquals(0, models.code());
        assertTrue(models.out().contains("dcgan") && models.out().contains("gan-cls") && models.out().contains("lstm"), models.out());
        assertTrue(models.out().matches("(?s).*losses:\n  hinge .*\n  least-squares .*\n  minimax .*\n  non-saturating .*"), models.out());
        Result summary = gan("summary", "--run", run.toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains("LSTM(64->16)"), summary.out());
        assertTrue(summary.out().contains("total trainable parameters"), summary.out());
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() throws IOException {
        Path emptyFile = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
        List<String[]> cases = List.of(
                new String[]{"generate", "--run", run.toString(), "--prompt", "", "--out", tmp.resolve("x").toString()},
                new String[]{"generate", "--run", run.toString(), "--prompt", "zebra giraffe", "--out", tmp.resolve("x").toString()},
                new String[]{"generate", "--run", tmp.resolve("missing").toString(), "--prompt", "red circle", "--out", tmp.resolve("x").toString()},
                new String[]{"generate", "--run", run.toString(), "--prompts", emptyFile.toString(), "--out", tmp.resolve("x").toString()},
                new String[]{"generate", "--run", run.toString(), "--prompts", tmp.resolve("nope.txt").toString(), "--out", tmp.resolve("x").toString()},
                new String[]{"train", "--epochs", "many"},
                new String[]{"train", "--data", "birds", "--run", tmp.resolve("y").toString()},
                new String[]{"train", "--batch-size", "0", "--run", tmp.resolve("z").toString()},
                new String[]{"train", "--run", run.toString()},
                new String[]{"train", "--text-encoder", "elmo", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--generator", "stylegan", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--discriminator", "patch", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--loss", "wasserstein", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--loss", "hinge", "--real-label", "0.9", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--encoder-steps", "0", "--matching-weight", "1", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--mode-seeking", "-1", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--encoder-steps", "0", "--pretrained-features", "--run", tmp.resolve("w").toString()},
                new String[]{"train", "--one-word-candidates", "3", "--run", tmp.resolve("w").toString()},
                new String[]{"evaluate", "--run", tmp.resolve("missing").toString()},
                new String[]{"evaluate", "--run", run.toString(), "--checkpoint", "../../etc"},
                new String[]{"train", "--best-metric", "fid", "--run", tmp.resolve("v").toString()},
                new String[]{"interpolate", "--run", tmp.resolve("missing").toString(), "--from", "red circle", "--to", "blue square", "--out", tmp.resolve("x").toString()},
                new String[]{"interpolate", "--run", run.toString(), "--from", "", "--to", "blue square", "--out", tmp.resolve("x").toString()},
                new String[]{"interpolate", "--run", run.toString(), "--from", "red circle", "--to", "blue square", "--steps", "1", "--out", tmp.resolve("x").toString()},
                new String[]{"interpolate", "--run", run.toString(), "--from", "red circle", "--out", tmp.resolve("x").toString()},
                new String[]{"interpolate", "--run", run.toString(), "--noise-walk", "--out", tmp.resolve("x").toString()},
                new String[]{"interpolate", "--run", run.toString(), "--from", "red circle", "--to", "blue square", "--linear", "--out", tmp.resolve("x").toString()},
                new String[]{"frobnicate"});
        assertUserErrors(cases);
        assertFalse(Files.exists(tmp.resolve("w")), "nothing is written for an unknown network or loss");
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a refused generate or interpolate");
        assertEquals("gan: unknown generator 'stylegan'; known: dcgan, film, residual",
                gan("train", "--generator", "stylegan", "--run", tmp.resolve("w").toString()).err().strip());
        assertEquals("gan: unknown loss 'wasserstein'; known: hinge, least-squares, minimax, non-saturating",
                gan("train", "--loss", "wasserstein", "--run", tmp.resolve("w").toString()).err().strip());
        assertEquals("gan: --matching-weight needs --encoder-steps above 0: the matching term scores images with the pre-trained image encoder",
                gan("train", "--encoder-steps", "0", "--matching-weight", "1", "--run", tmp.resolve("w").toString()).err().strip());
        assertEquals("gan: --one-word-candidates needs --one-word-negatives above 0",
                gan("train", "--one-word-candidates", "3", "--run", tmp.resolve("w").toString()).err().strip());
    }

    /** Each command line fails with one line starting "gan: " and exit code 2, without a stack trace. */
    static void assertUserErrors(List<String[]> cases) {
        for (String[] args : cases) {
            Result r = gan(args);
            String what = String.join(" ", args) + " -> " + r.err();
            assertEquals(2, r.code(), what);
            assertTrue(r.err().startsWith("gan: "), what);
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), what);
        }
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, gan("--version").code());
        Result help = gan("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("train") && help.out().contains("generate"), help.out());
    }
}
