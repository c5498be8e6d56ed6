package vn.ledger.archive.bag;

import java.io.IOException;
import java.io.OutputStream;

/** Where an export's payload files go: the bag itself, or a queue writing them into it on a thread of its own. */
public interface Payloads {

    /** Opens a payload file {@code data/<path>}; close it before opening the next. */
    OutputStream payload(String path) throws IOException;

    default void payload(String path, byte[] content) throws IOException {
        try (OutputStream out = payload(path)) {
            out.write(content);
        }
    }

    /**
     * A payload file made by {@code render}, already compressed (a PDF): stored in the zip as it is, not deflated a
     * second time. Where it is rendered is the implementation's choice; files keep the order they are handed in.
     */
    void stored(String path, Render render) throws IOException;

    /**
     * Work for the thread the bag is written on, after what was handed before it (here at once): a PDF page's
     * compression, say. An implementation on a thread of its own bounds how much such work waits.
     */
    default void beside(Work work) throws IOException {
        work.run();
    }

    /** Work handed to {@link #beside}. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    /** Makes a file's bytes. */
    @FunctionalInterface
    interface Render {
        byte[] bytes() throws IOException;
    }
}
