package io.textgan.cli.command;

import io.textgan.core.data.Tokenizer;
import picocli.CommandLine.Option;

/** {@code --tokens word|char}, shared by {@code gan train} and {@code gan data inspect}: what a token of a caption is. */
public final class TokenOptions {

    @Option(names = "--tokens", description = "What the text encoder reads: word, or char (each character, spaces and punctuation "
            + "included). Saved with the model: generation splits prompts the same way. Default: ${DEFAULT-VALUE}.")
    String tokens = Tokenizer.WORD.configName();

    Tokenizer tokenizer() {
        try {
            return Tokenizer.named(tokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }
}
