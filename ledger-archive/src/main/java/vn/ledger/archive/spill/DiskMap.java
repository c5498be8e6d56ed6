package vn.ledger.archive.spill;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A string map kept in a temporary H2 MVStore file with a small page cache, for what an export must look up at
 * random but may not hold in the heap (bodies' names: their number grows with the country's bodies). Deleted on close.
 */
public final class DiskMap implements AutoCloseable {

    private final Path file;
    private final MVStore store;
    private final MVMap<String, String> map;

    private DiskMap(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.map = store.openMap("map");
    }

    /** @param cacheMb the page cache's size, in megabytes */
    public static DiskMap open(Path tempDir, String name, int cacheMb) throws IOException {
        Files.createDirectories(tempDir);
        Path file = Files.createTempFile(tempDir, name + "-", ".mv");
        Files.delete(file); // MVStore creates its own file
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb)
                .autoCommitBufferSize(256).open();
        return new DiskMap(file, store);
    }

    public Map<String, String> map() {
        return map;
    }

    @Override
    public void close() throws IOException {
        try {
            store.closeImmediately(); // nothing in it outlives the export
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
