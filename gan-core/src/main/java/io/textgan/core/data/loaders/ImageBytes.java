package io.textgan.core.data.loaders;

import java.io.IOException;

/** The encoded bytes of one image, wherever they are kept. */
interface ImageBytes {

    /** Names this exact content cheaply (where it is, its size and modification time): the decoded-image cache's key. */
    String identity();

    byte[] read() throws IOException;
}
