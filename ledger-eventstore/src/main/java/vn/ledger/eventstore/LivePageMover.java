package vn.ledger.eventstore;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;

import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Rewrites some of the live pages of one chunk, at most a given number of bytes, so that a chunk too large for any
 * hole in the file can still leave the end of the file in parts (H2 rewrites the live pages of a chunk all at once,
 * and the page-level {@code MVMap.rewritePage} it uses is not public).
 *
 * <p>A page is rewritten the way H2 rewrites it: an atomic no-op update of its first key ({@link MVMap#operate} keeping
 * the value it finds), which copies the leaf and its path to the root, so the next commit writes them into a new
 * chunk. Values never change, and a key removed meanwhile is left alone (its page was rewritten by that removal).
 *
 * <p>Finding the pages: a page is saved no later than its parent, so a subtree whose root was saved before the chunk
 * holds none of its pages and is not read, nor is a leaf outside the chunk. Only maps the server has open are walked
 * (as in H2's own rewriting); the rest of the chunk, if any, is left to H2's rewrite once it fits a hole.
 */
final class LivePageMover {

    /** Rewrites keeping the value present; nothing if the key is gone. */
    private static final MVMap.DecisionMaker<Object> SAME_VALUE = new MVMap.DecisionMaker<>() {
        @Override
        public MVMap.Decision decide(Object existingValue, Object providedValue) {
            return existingValue == null ? MVMap.Decision.ABORT : MVMap.Decision.PUT;
        }

        @Override
        public <T> T selectValue(T existingValue, T providedValue) {
            return existingValue;
        }
    };

    private final MVStore store;
    private final int chunkId;
    private final long chunkVersion;
    private final IntToLongFunction versionOfChunk;
    private final long limit;
    private long moved;

    private LivePageMover(MVStore store, Chunk<?> chunk, IntToLongFunction versionOfChunk, long limit) {
        this.store = store;
        this.chunkId = chunk.id;
        this.chunkVersion = chunk.version;
        this.versionOfChunk = versionOfChunk;
        this.limit = limit;
    }

    /**
     * Rewrites live pages of {@code chunk} until about {@code limit} bytes (pages' maximum lengths) are rewritten;
     * the caller commits. Returns the bytes rewritten.
     *
     * @param versionOfChunk a chunk's version by id (-1: unknown, then its pages are looked at)
     */
    static long move(MVStore store, Chunk<?> chunk, IntToLongFunction versionOfChunk, long limit) {
        LivePageMover mover = new LivePageMover(store, chunk, versionOfChunk, limit);
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            mover.walk(store.getMetaMap());
            for (Map.Entry<String, String> e : store.getLayoutMap().entrySet()) {
                if (mover.moved >= limit) {
                    break;
                }
                if (e.getKey().startsWith(DataUtils.META_ROOT)) {
                    MVMap<Object, Object> map = store.getMap(
                            Integer.parseInt(e.getKey().substring(DataUtils.META_ROOT.length()), 16));
                    if (map != null && !map.isClosed()) {
                        mover.walk(map);
                    }
                }
            }
        } finally {
            store.deregisterVersionUsage(pin);
        }
        return mover.moved;
    }

    @SuppressWarnings("unchecked")
    private <K, V> void walk(MVMap<K, V> map) {
        if (moved < limit) {
            visit((MVMap<Object, Object>) map, (Page<Object, Object>) map.getRootPage());
        }
    }

    /** @return true if a page below or at {@code page} was rewritten (so {@code page} was too) */
    private boolean visit(MVMap<Object, Object> map, Page<Object, Object> page) {
        long pos = page.getPos();
        boolean inChunk = DataUtils.isPageSaved(pos) && DataUtils.getPageChunkId(pos) == chunkId;
        if (page.isLeaf()) {
            return inChunk && rewrite(map, page, pos);
        }
        boolean rewritten = false;
        for (int i = 0; i < page.getRawChildPageCount() && moved < limit; i++) {
            long childPos = page.getChildPagePos(i);
            if (!DataUtils.isPageSaved(childPos) || mayHold(childPos)) {
                rewritten |= visit(map, page.getChildPage(i));
            }
        }
        if (inChunk && !rewritten && moved < limit) {
            Page<Object, Object> leaf = page;
            while (!leaf.isLeaf()) {
                leaf = leaf.getChildPage(0);
            }
            rewritten = rewrite(map, leaf, pos);
        } else if (inChunk && rewritten) {
            moved += DataUtils.getPageMaxLength(pos);
        }
        return rewritten;
    }

    /**
     * A saved subtree can hold pages of the chunk only if its root was saved in the chunk or after it; a saved leaf
     * only if it is in the chunk (so no leaf elsewhere is read: the walk reads inner nodes, a few in a hundred pages).
     */
    private boolean mayHold(long pos) {
        int id = DataUtils.getPageChunkId(pos);
        if (id == chunkId) {
            return true;
        }
        if (DataUtils.isLeafPosition(pos)) {
            return false;
        }
        long version = versionOfChunk.applyAsLong(id);
        return version < 0 || version >= chunkVersion;
    }

    private boolean rewrite(MVMap<Object, Object> map, Page<Object, Object> leaf, long countedPos) {
        if (leaf.getKeyCount() == 0) {
            return false;
        }
        map.operate(leaf.getKey(0), null, SAME_VALUE);
        moved += DataUtils.getPageMaxLength(countedPos);
        return true;
    }
}
