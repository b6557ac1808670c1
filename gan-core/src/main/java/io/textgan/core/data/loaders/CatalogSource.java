package io.textgan.core.data.loaders;

import io.textgan.core.data.CaptionedImageSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The readable entries of a catalog as captioned images, their pixels read from the decoded-image cache. */
final class CatalogSource implements CaptionedImageSource {
    private final String name;
    private final List<CatalogEntry> entries;
    private final int[] decodedIndex;
    private final DecodedImages decoded;

    CatalogSource(String name, List<CatalogEntry> catalog, DecodedImages decoded) {
        this.name = name;
        this.decoded = decoded;
        List<CatalogEntry> readable = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            if (decoded.readable(i)) {
                readable.add(catalog.get(i));
                index.add(i);
            }
        }
        this.entries = List.copyOf(readable);
        this.decodedIndex = index.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public BufferedImage image(int index) {
        return decoded.image(decodedIndex[index]);
    }

    @Override
    public List<String> captions(int index) {
        return entries.get(index).captions();
    }

    CatalogEntry entry(int index) {
        return entries.get(index);
    }
}
