package io.textgan.core.data.loaders;

/** An image read from an archive into memory. */
record ArchivedImage(String archiveIdentity, String entry, byte[] bytes) implements ImageBytes {

    @Override
    public String identity() {
        return archiveIdentity + "!" + entry;
    }

    @Override
    public byte[] read() {
        return bytes;
    }
}
