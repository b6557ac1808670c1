package io.textgan.cli;

import io.textgan.cli.GanCliEndToEndTest.Result;
import io.textgan.core.checkpoint.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan train --tokens char} and {@code --text-encoder bilstm} on tiny models, then generation from them. */
class TokensAndBidirectionalEncoderTest {
    @TempDir
    Path tmp;

    private Path train(String name, String... options) {
        Path run = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--image-size", "16", "--ngf", "4", "--ndf", "4",
                "--noise-size", "8", "--text-size", "16", "--shapes-count", "32", "--batch-size", "16", "--steps", "2",
                "--encoder-steps", "1", "--best-metric", "none", "--run", run.toString()));
        args.addAll(List.of(options));
        Result r = gan(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return run;
    }

    private static Path latestCheckpoint(Path run) throws IOException {
        return run.resolve("checkpoints").resolve(Files.readString(run.resolve("checkpoints/latest")).strip());
    }

    private static String modelJson(Path run) throws IOException {
        return Files.readString(latestCheckpoint(run).resolve("model.json"));
    }

    @Test
    void aBidirectionalEncoderTrainsGeneratesAndSummarises() throws IOException {
        Path run = train("bilstm", "--text-encoder", "bilstm");
        String model = modelJson(run);
        assertTrue(model.contains("\"textEncoder\" : \"bilstm\"") && model.contains("\"maxTokens\" : 24")
                && model.contains("\"tokens\" : \"word\""), model);
        Path out = tmp.resolve("bilstm-out");
        Result generated = gan("generate", "--run", run.toString(), "--prompt", "a small red circle on a white background",
                "-n", "2", "--out", out.toString());
        assertEquals(0, generated.code(), generated.err());
        assertTrue(Files.exists(out.resolve("image-0001.png")) && Files.exists(out.resolve("image-0002.png")));
        Result summary = gan("summary", "--run", run.toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains("forward LSTM(64->8)") && summary.out().contains("backward LSTM(64->8)"), summary.out());

        Result odd = gan("train", "--text-encoder", "bilstm", "--text-size", "15", "--run", tmp.resolve("odd").toString());
        assertEquals(2, odd.code(), odd.err());
        assertEquals("gan: the bilstm text encoder needs an even text size (half for each direction): 15", odd.err().strip());
        assertFalse(Files.exists(tmp.resolve("odd")), "nothing is written for a refused model");
    }

    @Test
    void aCharacterModelReadsPromptsByCharacterAndRefusesOnesOfUnknownCharactersOnly() throws IOException {
        Path run = train("chars", "--tokens", "char");
        String model = modelJson(run);
        assertTrue(model.contains("\"tokens\" : \"char\"") && model.contains("\"maxTokens\" : 128"), model);
        List<?> vocabulary = Json.read(latestCheckpoint(run).resolve("vocabulary.json"), List.class);
        Path out = tmp.resolve("chars-out");
        Result generated = gan("generate", "--run", run.toString(), "--prompt", "zebra giraffe", "-n", "1", "--out", out.toString());
        assertEquals(0, generated.code(), "words never seen, letters seen: " + generated.err());
        assertTrue(Files.exists(out.resolve("image-0001.png")));

        Result unknown = gan("generate", "--run", run.toString(), "--prompt", "\u0416\u0429\u042e", "--out", tmp.resolve("x").toString());
        assertEquals(2, unknown.code(), unknown.err());
        assertEquals("gan: none of the characters of \"\u0416\u0429\u042e\" is in the model's vocabulary of " + vocabulary.size()
                + " characters", unknown.err().strip());
        Result empty = gan("generate", "--run", run.toString(), "--prompt", " \t ", "--out", tmp.resolve("x").toString());
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().startsWith("gan: empty prompt"), empty.err());
        assertFalse(Files.exists(tmp.resolve("x")));

        Result bad = gan("train", "--tokens", "byte", "--run", tmp.resolve("byte").toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals("gan: --tokens must be word or char: byte", bad.err().strip());
    }

    @Test
    void dataInspectReportsCharactersAndCaptionLengthsInCharacters() {
        Result r = gan("data", "inspect", "shapes", "--tokens", "char", "--shapes-count", "32", "--preview", "0");
        assertEquals(0, r.code(), r.err());
        for (String line : List.of("characters seen at least 1 time in the training captions (+ padding and unknown-character tokens)",
                "top chars   ", "space ", "caption length in characters (longest ", "longer than 128, which training cuts by default")) {
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
        }
    }
}
