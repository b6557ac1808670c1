package io.textgan.cli.command;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Prompt files: UTF-8, one prompt per line; blank lines are skipped. */
final class Prompts {
    private Prompts() {
    }

    static List<String> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("prompt file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new IOException("prompt file is not UTF-8 text: " + file);
        }
        List<String> prompts = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (prompts.isEmpty()) {
            throw new IOException("prompt file has no prompts: " + file);
        }
        return prompts;
    }
}
