package io.textgan.core.data.loaders;

import io.textgan.core.data.Tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Caption text files: UTF-8 (bytes that are not become U+FFFD), one caption a line; lines without a word are ignored. */
final class CaptionFiles {
    private CaptionFiles() {
    }

    static List<String> read(Path file) throws IOException {
        return lines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The captions of a text: its lines that hold at least one word, stripped. */
    static List<String> lines(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.lines().map(String::strip).filter(line -> !Tokenizer.words(line).isEmpty()).toList();
    }
}
