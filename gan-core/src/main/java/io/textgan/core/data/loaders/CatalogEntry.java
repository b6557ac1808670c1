package io.textgan.core.data.loaders;

import java.util.List;

/**
 * One image of a data set as a layout lists it, before decoding.
 *
 * @param name     where it is, for people: a path relative to the data, or a manifest's image field
 * @param image    its encoded bytes
 * @param captions one or more captions
 * @param label    its class or category, or null where the layout has none
 * @param heldOut  whether it belongs to the held-out split (never trained on)
 */
record CatalogEntry(String name, ImageBytes image, List<String> captions, String label, boolean heldOut) {

    public CatalogEntry {
        captions = List.copyOf(captions);
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one caption: " + name);
        }
    }
}
