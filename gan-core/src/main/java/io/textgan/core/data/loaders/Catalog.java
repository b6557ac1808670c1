package io.textgan.core.data.loaders;

import java.util.List;

/** What a layout reader found: the usable entries, in a fixed order, and what it skipped. */
record Catalog(String layout, List<CatalogEntry> entries, List<SkippedFile> skipped) {

    Catalog {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
