package io.textgan.core.api;

import io.textgan.core.data.Tokenizer;

/**
 * The shape of a text-to-image model: everything needed to rebuild its networks before loading their weights.
 *
 * @param generator         registered generator name
 * @param discriminator     registered discriminator name
 * @param textEncoder       registered text encoder name
 * @param imageSize         side S of the square RGB images, a power of two from 8 up
 * @param noiseSize         length of the noise vector z
 * @param conditionSize     size of the projected text vector inside G and D
 * @param ngf               generator width (the last hidden layer has ngf channels)
 * @param ndf               discriminator width (the first layer has ndf channels)
 * @param vocabularySize    token table size, including padding and the unknown-word token
 * @param embeddingSize     word embedding size
 * @param textSize          sentence vector size (the recurrent layer's hidden size)
 * @param pooling           how the sentence vector is read from the hidden states: "mean" or "last"
 * @param maxTokens         captions are cut to this many tokens
 * @param tokens            what a token is: "word" or "char" (absent in files written before it existed: "word")
 * @param conditioningAugmentation whether the generator samples its condition from a Gaussian predicted from the
 *                          text vector, with a KL term (StackGAN's conditioning augmentation)
 */
public record ModelConfig(String generator, String discriminator, String textEncoder,
                          int imageSize, int noiseSize, int conditionSize, int ngf, int ndf,
                          int vocabularySize, int embeddingSize, int textSize, String pooling, int maxTokens,
                          String tokens, boolean conditioningAugmentation) {

    public ModelConfig {
        tokens = tokens == null ? Tokenizer.WORD.configName() : Tokenizer.named(tokens).configName();
        requireName("generator", generator);
        requireName("discriminator", discriminator);
        requireName("textEncoder", textEncoder);
        if (imageSize < 8 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("imageSize must be a power of two, at least 8: " + imageSize);
        }
        requirePositive("noiseSize", noiseSize);
        requirePositive("conditionSize", conditionSize);
        requirePositive("ngf", ngf);
        requirePositive("ndf", ndf);
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("vocabularySize must be at least 2: " + vocabularySize);
        }
        requirePositive("embeddingSize", embeddingSize);
        requirePositive("textSize", textSize);
        if (!"mean".equals(pooling) && !"last".equals(pooling)) {
            throw new IllegalArgumentException("pooling must be mean or last: " + pooling);
        }
        requirePositive("maxTokens", maxTokens);
    }

    /** A model with word tokens and no conditioning augmentation. */
    public ModelConfig(String generator, String discriminator, String textEncoder,
                       int imageSize, int noiseSize, int conditionSize, int ngf, int ndf,
                       int vocabularySize, int embeddingSize, int textSize, String pooling, int maxTokens) {
        this(generator, discriminator, textEncoder, imageSize, noiseSize, conditionSize, ngf, ndf, vocabularySize,
                embeddingSize, textSize, pooling, maxTokens, Tokenizer.WORD.configName(), false);
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be named");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }

    /**
     * The default model at a given image side: dcgan / gan-cls-projection / lstm, z of 100, condition 128,
     * ngf = ndf = 32, embedding 64, sentence vector 128 (mean pooling), captions up to 24 words; vocabularySize is a
     * placeholder for {@link #withVocabularySize}. The discriminator is Reed's GAN-CLS with a projection term: in the
     * default 20-minute run on shapes, plain gan-cls learned only the background from the captions (object colour
     * 11.5% on held-out prompts), the projection variant background, colour, size and position (95% colour).
     */
    public static ModelConfig defaults(int imageSize) {
        return new ModelConfig("dcgan", "gan-cls-projection", "lstm", imageSize, 100, 128, 32, 32, 2, 64, 128, "mean", 24);
    }

    /** The same model with another registered generator. */
    public ModelConfig withGenerator(String name) {
        return new ModelConfig(name, discriminator, textEncoder, imageSize, noiseSize, conditionSize, ngf, ndf,
                vocabularySize, embeddingSize, textSize, pooling, maxTokens, tokens, conditioningAugmentation);
    }

    /** The same model with or without conditioning augmentation in the generator. */
    public ModelConfig withConditioningAugmentation(boolean enabled) {
        return new ModelConfig(generator, discriminator, textEncoder, imageSize, noiseSize, conditionSize, ngf, ndf,
                vocabularySize, embeddingSize, textSize, pooling, maxTokens, tokens, enabled);
    }

    public ModelConfig withVocabularySize(int size) {
        return new ModelConfig(generator, discriminator, textEncoder, imageSize, noiseSize, conditionSize, ngf, ndf,
                size, embeddingSize, textSize, pooling, maxTokens, tokens, conditioningAugmentation);
    }
}
