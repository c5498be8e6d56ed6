package vn.ledger.eventstore;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the embedded server's file proportionate to its live data while the service runs.
 *
 * <p>MVStore writes every commit as a new chunk and frees a chunk only once none of its pages is live. With
 * auto-commit disabled its background writer never runs, so nothing rewrote chunks that keep a few live pages: the
 * file grew by a chunk per commit (issue 11: 2.25 GB at 6% fill). Each {@link #step()} (run in the committer's role,
 * {@link GroupCommit#maintain}, which commits after it) does a bounded amount of H2's own page rewriting
 * ({@link MVStore#compact(int, int)}), the same mechanism H2's background writer uses, never H2's chunk moving
 * ({@code compactFile}/{@code compactMoveChunks}):
 * <ol>
 *   <li>frees the chunks that died since the last commit, so that their space is reused by the next chunks;</li>
 *   <li>if the chunks hold less than {@code targetFill}% live data, rewrites the live pages of the sparsest, oldest
 *       ones (at most {@value #WRITE_LIMIT} bytes), so that those chunks die;</li>
 *   <li>else, if the file has holes (less than {@code targetFill}% of it in chunks), rewrites the live pages of the
 *       chunks nearest its end: the new chunk goes into a hole lower down, the end dies, and MVStore truncates the
 *       file when it next writes a chunk below its end; the last chunk, if larger than half the largest hole or
 *       wholly live (H2 rewrites neither), a part at a time ({@link LivePageMover}).</li>
 * </ol>
 *
 * <p>How often steps run is {@link ReclaimPace}'s decision ({@link #pace()}), from the file's bytes against its live
 * pages. Pages are compressed (LZF), which shrinks both the live pages and every commit's chunk.
 *
 * <p>Retention time is 0 and no old versions are kept ({@link #open}); readers are protected by pinning the version
 * they read for the length of each command instead ({@link MVStore#registerVersionUsage()}), as H2's own engine does.
 */
final class ChunkReclaimer {

    /** default: rewrite when chunks are less than 80% live, and move chunks down when the file is less than 80% used */
    static final int DEFAULT_TARGET_FILL = 80;
    /** live bytes rewritten per step at most: bounds the commit that follows (tens of ms) */
    static final int WRITE_LIMIT = 4 * 1024 * 1024;
    /** MVStore's block (FileStore.BLOCK_SIZE, not public): chunks start and end on block boundaries */
    private static final int BLOCK = 4096;

    private final MVStore store;
    private final Store file;
    private final int targetFill;
    private final MVMap<String, Long> heartbeat;
    private final ReclaimPace pace;
    private long lastChunkBytes = Long.MAX_VALUE;
    private boolean settled;
    private int fruitless;

    private ChunkReclaimer(MVStore store, Store file, int targetFill) {
        this.store = store;
        this.file = file;
        this.targetFill = targetFill;
        this.heartbeat = store.openMap("ledger.maintenance");
        this.pace = ReclaimPace.forFill(targetFill);
    }

    /**
     * Opens {@code file} with auto-commit disabled (commits are {@link GroupCommit}'s) and a reclaimer for it.
     *
     * <p>Why retention time 0 is safe against a process crash (kill -9): H2's retention time keeps a dead chunk on
     * the file for a while in case the operating system or disk has not yet written the chunks that replaced it
     * (power loss), and for readers of old versions. A killed process loses nothing the operating system already
     * has: every chunk of a completed commit was written (FileChannel.write) before the commit returned, and a
     * chunk is freed only once it is unreachable from the last commit, so after kill -9 the file holds the last
     * commit complete and MVStore opens it (at worst by scanning for the newest complete chunk set). Readers are
     * pinned per command. Against power loss MVStore never promised more: it does not fsync on commit.
     */
    static ChunkReclaimer open(Path path, int targetFill) {
        if (targetFill < 1 || targetFill > 99) {
            throw new IllegalArgumentException("target fill must be 1..99 %, was " + targetFill);
        }
        Store file = new Store();
        file.open(path.toString(), false, (char[]) null);
        // pages compressed (LZF, H2's fast level): each page is flagged, so a file written without still reads
        MVStore store = new MVStore.Builder().autoCommitDisabled().compress().adoptFileStore(file).open();
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        return new ChunkReclaimer(store, file, targetFill);
    }

    MVStore store() {
        return store;
    }

    Store file() {
        return file;
    }

    /** One bounded step; the caller commits after it. */
    void step() {
        // MVStore frees dead chunks only when a commit with changes starts: an idle store would keep them
        store.executeFilestoreOperation(file::dropUnusedChunks);
        long chunkBytes = file.chunkBytes();
        boolean progressed = chunkBytes < lastChunkBytes;
        lastChunkBytes = chunkBytes;
        boolean rewrote = false;
        if (file.getChunksFillRate() < targetFill) {
            file.tailFirst = false;
            rewrote = store.compact(targetFill, WRITE_LIMIT);
        } else if (file.getFillRate() < targetFill) {
            int batch = file.tailBatch();
            Chunk<?> tail = file.tail();
            if (tail != null && (tail.maxLenLive > batch || tail.maxLenLive >= tail.maxLen)) {
                // too large for any hole: part of it at a time (H2 would rewrite it whole, back at the end); or wholly
                // live, which H2 never rewrites
                rewrote = LivePageMover.move(store, tail, file::versionOf, batch) > 0;
            } else {
                file.tailFirst = true;
                try {
                    rewrote = store.compact(101, batch);
                } finally {
                    file.tailFirst = false;
                }
            }
        } else {
            fruitless = 0;
            settled = true;
            return;
        }
        fruitless = rewrote || progressed ? 0 : fruitless + 1;
        settled = fruitless > 3;
        if (!rewrote && !settled) {
            // a new version, so that chunks that died can be freed and the newest chunks (never rewritten) age
            heartbeat.put("steps", heartbeat.getOrDefault("steps", 0L) + 1);
        }
    }

    /** How hard to reclaim now ({@link ReclaimPace}): the file's bytes against its live pages, and the chunks' fill. */
    ReclaimPace.Decision pace() {
        return pace.decide(file.size(), file.liveBytes(), file.getChunksFillRate(), targetFill);
    }

    /** True when the last step found nothing it could reclaim; a write commit makes steps worthwhile again. */
    boolean settled() {
        return settled;
    }

    void unsettle() {
        settled = false;
        fruitless = 0;
        lastChunkBytes = Long.MAX_VALUE;
    }

    /** Bytes of the file (what the disk holds). */
    long fileBytes() {
        return file.size();
    }

    /** Bytes written to the file since it was opened. */
    long writtenBytes() {
        long[] bytes = new long[1];
        file.populateInfo((k, v) -> {
            if (k.equals("info.FILE_WRITE_BYTES")) {
                bytes[0] = Long.parseLong(v);
            }
        });
        return bytes[0];
    }

    String describe() {
        long live = file.liveBytes();
        return String.format(Locale.ROOT, "chunks %d, %d%% live, file %d%% used, %.2f x its live pages (%,d bytes), "
                        + "%,d bytes, %d MB written since it was opened", file.chunkCount(), file.getChunksFillRate(),
                file.getFillRate(), (double) file.size() / Math.max(1, live), live, file.size(), writtenBytes() >> 20);
    }

    /**
     * H2's single-file store, which can be told to offer the chunks nearest the end of the file for rewriting
     * (H2 offers every chunk and prefers the sparsest).
     */
    static final class Store extends SingleFileStore {
        volatile boolean tailFirst;

        Store() {
            super(new HashMap<>());
        }

        /** Bytes of the live pages of all chunks (their maximum lengths). */
        long liveBytes() {
            long sum = 0;
            for (Chunk<?> c : chunks()) {
                sum += c.maxLenLive;
            }
            return sum;
        }

        long chunkBytes() {
            long sum = 0;
            for (Chunk<?> c : chunks()) {
                sum += c.len;
            }
            return sum * BLOCK;
        }

        int chunkCount() {
            return getChunks().size();
        }

        @SuppressWarnings("unchecked")
        private Collection<Chunk<?>> chunks() {
            return (Collection<Chunk<?>>) (Collection<?>) getChunks().values();
        }

        /** Allocated chunks by position in the file. */
        private List<Chunk<?>> byPosition() {
            List<Chunk<?>> list = new ArrayList<>();
            for (Chunk<?> c : chunks()) {
                if (c.block != 0 && c.buffer == null) {
                    list.add(c);
                }
            }
            list.sort(Comparator.comparingLong(c -> c.block));
            return list;
        }

        /** The allocated chunk nearest the end of the file, or null. */
        Chunk<?> tail() {
            List<Chunk<?>> list = byPosition();
            return list.isEmpty() ? null : list.get(list.size() - 1);
        }

        /** The chunk written last. */
        Chunk<?> newest() {
            return chunks().stream().max(Comparator.comparingLong(c -> c.version)).orElse(null);
        }

        /** A chunk's version, or -1 if it is not known. */
        long versionOf(int chunkId) {
            Chunk<?> c = getChunks().get(chunkId);
            return c == null ? -1 : c.version;
        }

        /** Live bytes to move from the end: what fits in half of the largest hole, so the new chunk lands in it. */
        int tailBatch() {
            long largestHole = 0;
            long end = 2; // the first two blocks are the store header
            for (Chunk<?> c : byPosition()) {
                largestHole = Math.max(largestHole, c.block - end);
                end = Math.max(end, c.block + c.len);
            }
            return (int) Math.min(WRITE_LIMIT, largestHole * BLOCK / 2);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Collection getRewriteCandidates() {
            if (!tailFirst) {
                return super.getRewriteCandidates();
            }
            List<Chunk<?>> list = byPosition();
            List<Chunk<?>> tail = new ArrayList<>();
            long live = 0;
            int limit = tailBatch();
            for (int i = list.size() - 1; i >= 0 && live < limit; i--) {
                Chunk<?> c = list.get(i);
                tail.add(c);
                live += c.maxLenLive;
            }
            return tail;
        }
    }
}
