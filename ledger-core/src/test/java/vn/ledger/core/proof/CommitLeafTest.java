package vn.ledger.core.proof;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The leaf bytes of a commit")
class CommitLeafTest {

    static final LeafEvent ISSUED = new LeafEvent("e1", "Directive", "d1", 0, "vn.x.DirectiveIssued", null,
            "2026-03-25T03:00:00Z", "{\"symbol\":\"22-TB\"}", "{}");

    @Test
    void a_commit_is_version_kind_position_count_then_each_field_length_prefixed() {
        byte[] bytes = CommitLeaf.commit(3, List.of(ISSUED)).bytes();

        assertThat(Hashes.hex(bytes)).isEqualTo("01" + "43" + "0000000000000003" + "00000001"
                + "00000002" + hex("e1") + "00000009" + hex("Directive") + "00000002" + hex("d1")
                + "0000000000000000" + "00000014" + hex("vn.x.DirectiveIssued") + "ffffffff"
                + "00000014" + hex("2026-03-25T03:00:00Z") + "00000012" + hex("{\"symbol\":\"22-TB\"}")
                + "00000002" + hex("{}"));
    }

    @Test
    void a_tombstone_is_its_position_and_no_events() {
        assertThat(Hashes.hex(CommitLeaf.tombstoneAt(7).bytes())).isEqualTo("01" + "54" + "0000000000000007" + "00000000");
        assertThat(CommitLeaf.tombstoneAt(7).leafIndex()).isEqualTo(6);
        assertThat(CommitLeaf.tombstoneAt(7).leafHash())
                .isNotEqualTo(CommitLeaf.commit(7, List.of()).leafHash());
    }

    @Test
    void Vietnamese_text_is_counted_in_UTF8_bytes() {
        LeafEvent event = new LeafEvent("e", null, "e", 0, "T", "1", "t", "\"Điện Biên\"", "{}");
        byte[] bytes = CommitLeaf.commit(1, List.of(event)).bytes();

        // "Điện Biên" in quotes: 11 characters, 15 bytes (Đ and ê two each, ệ three)
        assertThat(Hashes.hex(bytes)).contains("0000000f" + hex("\"Điện Biên\""));
    }

    @Test
    void a_missing_value_and_an_empty_one_differ_and_so_does_every_field_boundary() {
        LeafEvent noRevision = new LeafEvent("e", "A", "a", 0, "T", null, "t", "{}", "{}");
        LeafEvent emptyRevision = new LeafEvent("e", "A", "a", 0, "T", "", "t", "{}", "{}");
        LeafEvent shifted = new LeafEvent("e", "Aa", "", 0, "T", null, "t", "{}", "{}");
        LeafEvent other = new LeafEvent("e", "A", "a", 0, "T", null, "t", "{}", "{}");

        assertThat(CommitLeaf.commit(1, List.of(noRevision)).leafHash())
                .isNotEqualTo(CommitLeaf.commit(1, List.of(emptyRevision)).leafHash())
                .isNotEqualTo(CommitLeaf.commit(1, List.of(shifted)).leafHash())
                .isNotEqualTo(CommitLeaf.commit(2, List.of(other)).leafHash())
                .isEqualTo(CommitLeaf.commit(1, List.of(other)).leafHash());
    }

    @Test
    void positions_start_at_one_and_a_tombstone_holds_nothing() {
        assertThatThrownBy(() -> CommitLeaf.tombstoneAt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitLeaf(2, true, List.of(ISSUED))).isInstanceOf(IllegalArgumentException.class);
        assertThat(CommitLeaf.positionOfLeaf(0)).isEqualTo(1);
    }

    static String hex(String s) {
        return Hashes.hex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
