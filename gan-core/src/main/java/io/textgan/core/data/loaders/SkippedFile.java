package io.textgan.core.data.loaders;

/** A file, manifest line or archive entry that was not used, and why. */
public record SkippedFile(String file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
