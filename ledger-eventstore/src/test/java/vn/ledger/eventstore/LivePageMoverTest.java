package vn.ledger.eventstore;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving part of a chunk's live pages into the next commit, for a chunk too large for any hole in the file. */
@DisplayName("Moving some of a chunk's live pages")
class LivePageMoverTest {

    @Test
    @DisplayName("given one chunk holding about 2 MB of live pages, when 256 KB of them are moved and committed, "
            + "then about 256 KB leave that chunk into a smaller one and every value reads as before, also after a restart")
    void movesPartOfAChunk(@TempDir Path dir) {
        Path file = dir.resolve("moved.mv");
        ChunkReclaimer reclaimer = ChunkReclaimer.open(file, 80);
        MVStore store = reclaimer.store();
        MVMap<Integer, String> map = store.openMap("documents");
        for (int i = 0; i < 2_000; i++) {
            map.put(i, value(i));
        }
        store.commit();
        Chunk<?> big = reclaimer.file().tail();
        long liveBefore = big.maxLenLive;
        assertThat(liveBefore).isGreaterThan(2_000_000);

        long moved = LivePageMover.move(store, big, reclaimer.file()::versionOf, 256 * 1024);
        store.commit();

        assertThat(moved).isBetween(256L * 1024, 256L * 1024 + 64 * 1024);
        assertThat(big.maxLenLive).isBetween(liveBefore - moved - 16 * 1024, liveBefore - 200 * 1024);
        Chunk<?> newest = reclaimer.file().newest();
        assertThat(newest.id).isNotEqualTo(big.id);
        assertThat(newest.maxLen).isLessThan(moved + 64 * 1024);
        for (int i = 0; i < 2_000; i++) {
            assertThat(map.get(i)).isEqualTo(value(i));
        }
        store.close();

        ChunkReclaimer reopened = ChunkReclaimer.open(file, 80);
        MVMap<Integer, String> read = reopened.store().openMap("documents");
        assertThat(read.size()).isEqualTo(2_000);
        for (int i = 0; i < 2_000; i++) {
            assertThat(read.get(i)).isEqualTo(value(i));
        }
        reopened.store().close();
    }

    /** 1,000 letters drawn from a seed of {@code i}: pages are compressed, so a repeated letter would shrink away */
    private static String value(int i) {
        java.util.Random random = new java.util.Random(i);
        char[] letters = new char[1_000];
        for (int k = 0; k < letters.length; k++) {
            letters[k] = (char) ('a' + random.nextInt(26));
        }
        return i + ":" + new String(letters);
    }
}
