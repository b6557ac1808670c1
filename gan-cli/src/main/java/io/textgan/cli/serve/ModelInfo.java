package io.textgan.cli.serve;

import io.textgan.core.api.ModelConfig;

/**
 * What {@code GET /api/model} says about the model being served, and what the page shows.
 *
 * @param run            the run directory's name
 * @param checkpoint     the checkpoint asked for ({@code latest}, {@code best} or a name)
 * @param checkpointName the directory it resolved to, such as {@code epoch-0009}
 * @param model          the networks' configuration
 * @param vocabularySize the vocabulary's size
 * @param step           the training step the checkpoint was written at
 * @param epochs         completed training epochs
 * @param data           the training data's name (null if unknown)
 * @param dataSize       training items (null if unknown)
 * @param seed           the run's seed (null if unknown)
 * @param maxImages      the most images one request may ask for
 */
public record ModelInfo(String run, String checkpoint, String checkpointName, ModelConfig model, int vocabularySize,
                        int step, int epochs, String data, Integer dataSize, Long seed, int maxImages) {
    public ModelInfo {
        if (run == null || checkpoint == null || checkpointName == null || model == null) {
            throw new IllegalArgumentException("run, checkpoint, checkpointName and model are required");
        }
    }
}
