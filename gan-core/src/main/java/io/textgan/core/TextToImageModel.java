package io.textgan.core;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.Manifest;
import io.textgan.core.checkpoint.WeightFile;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Init;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * What turns a sentence into an image: the configuration, the vocabulary, the text encoder and the generator.
 * This is what a checkpoint must hold for {@code gan generate}, and what a Java program loads to generate.
 */
public final class TextToImageModel {
    /** The model configuration file of a saved model (a checkpoint). */
    public static final String CONFIG_FILE = "model.json";
    static final String VOCABULARY_FILE = "vocabulary.json";
    /** Weight files, without their extension ({@link WeightFile}: {@code .safetensors}, or {@code .bin} in format 1). */
    static final String TEXT_ENCODER_FILE = "text-encoder";
    static final String GENERATOR_FILE = "generator";

    private final ModelConfig config;
    private final Vocabulary vocabulary;
    private final TextEncoder textEncoder;
    private final Generator generator;

    public TextToImageModel(ModelConfig config, Vocabulary vocabulary, TextEncoder textEncoder, Generator generator) {
        if (config.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException("config vocabularySize " + config.vocabularySize()
                    + " differs from the vocabulary's " + vocabulary.size());
        }
        if (vocabulary.tokenizer() != Tokenizer.named(config.tokens())) {
            throw new IllegalArgumentException("config tokens " + config.tokens() + " differ from the vocabulary's "
                    + vocabulary.tokenizer().configName());
        }
        this.config = config;
        this.vocabulary = vocabulary;
        this.textEncoder = textEncoder;
        this.generator = generator;
    }

    /** A freshly initialised model from registered providers; the same seed gives the same weights. */
    public static TextToImageModel create(ModelConfig config, Vocabulary vocabulary, Random rng) {
        TextEncoder encoder = ModelRegistry.get(ModelProvider.TextEncoderProvider.class, config.textEncoder()).create(config, rng);
        Generator generator = ModelRegistry.get(ModelProvider.GeneratorProvider.class, config.generator()).create(config, rng);
        return new TextToImageModel(config, vocabulary, encoder, generator);
    }

    public ModelConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public TextEncoder textEncoder() {
        return textEncoder;
    }

    public Generator generator() {
        return generator;
    }

    /**
     * Conditioning vectors [N, textSize] for captions, tokenised as in training (the config's {@code tokens} and
     * {@code maxTokens}): the text encoder's sentence vectors in inference mode, each
     * scaled to length √textSize. Matching pre-training only fixes the vectors' directions (it compares cosines), and
     * their raw lengths can end up tiny, too weak a signal for the generator and discriminator; after this scaling the
     * components have unit mean square whatever the encoder.
     */
    public INDArray encode(List<String> captions) {
        INDArray vectors = textEncoder.encode(vocabulary.encode(captions, config.maxTokens()), false);
        return vectors.divColumnVector(vectors.norm2(true, 1).addi(1e-8)).muli(Math.sqrt(vectors.size(1)));
    }

    /** Standard normal noise [n, noiseSize] from the given random source. */
    public INDArray noise(int n, Random rng) {
        return Init.normal(rng, 1.0, n, config.noiseSize());
    }

    /** Images [N, 3, S, S] in [-1, 1], one per prompt, from the given noise rows. */
    public INDArray generate(List<String> prompts, INDArray noise) {
        if (prompts.size() != noise.size(0)) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + noise.size(0) + " noise rows");
        }
        return generator.generate(noise, encode(prompts), false);
    }

    /**
     * Writes the four files generation needs into {@code dir}, which must exist: the configuration, the vocabulary, and
     * the text encoder's and generator's weights as safetensors files whose metadata hold the configuration.
     */
    public void save(Path dir) throws IOException {
        Json.write(dir.resolve(CONFIG_FILE), config);
        Json.write(dir.resolve(VOCABULARY_FILE), vocabulary.words());
        WeightFile.write(dir, TEXT_ENCODER_FILE, textEncoder.parameters(),
                weightMetadata(config, textEncoder, "text-encoder", config.textEncoder()));
        WeightFile.write(dir, GENERATOR_FILE, generator.parameters(), weightMetadata(config, generator, "generator", config.generator()));
    }

    /**
     * The metadata of a network's safetensors file: the network's own {@link io.textgan.core.api.Network#metadata()},
     * PyTorch's layout tag, which network it is, its registered name and the model configuration as JSON.
     */
    public static java.util.Map<String, String> weightMetadata(ModelConfig config, io.textgan.core.api.Network network,
                                                                String role, String name) {
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>(network.metadata());
        metadata.put("format", "pt");
        metadata.put("textgan.network", role);
        metadata.put("textgan.name", name);
        metadata.put("textgan.model", Json.toLine(config));
        return metadata;
    }

    /** Loads a model saved by {@link #save} (a checkpoint directory), checking its manifest first if it has one. */
    public static TextToImageModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no model directory at " + dir);
        }
        Manifest.verifyIfPresent(dir);
        ModelConfig config = Json.read(dir.resolve(CONFIG_FILE), ModelConfig.class);
        @SuppressWarnings("unchecked")
        List<String> words = Json.read(dir.resolve(VOCABULARY_FILE), List.class);
        TextToImageModel model = create(config, new Vocabulary(words, Tokenizer.named(config.tokens())), new Random(0));
        WeightFile.readInto(dir, TEXT_ENCODER_FILE, model.textEncoder.parameters());
        WeightFile.readInto(dir, GENERATOR_FILE, model.generator.parameters());
        return model;
    }
}
