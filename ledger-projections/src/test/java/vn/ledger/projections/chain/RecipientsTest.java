package vn.ledger.projections.chain;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A directive node's recipients, packed in one string")
class RecipientsTest {

    @Test
    void everyEntryReadsBackWithTheFieldsItHadWhateverTheyContain() {
        List<Document> entries = List.of(
                new Document("body", "UBND-TINH").append("role", "ACTION").append("receivedOn", "2026-03-05")
                        .append("actedOn", "2026-03-06").append("forwardedAs", List.of("B-1", "B\u001D2", "")),
                new Document("body", "SỞ\u001EXÂY\u001FDỰNG\u001B").append("role", "REPORT"),
                new Document("body", "MTTQ").append("role", "ACTION").append("actedOn", "2026-03-29"));
        Document node = new Document("_id", "D");

        Recipients.write(node, entries);

        assertThat(node.get("recipients")).isInstanceOf(String.class);
        List<Document> back = Recipients.read(node);
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(entries.get(0));
        assertThat(back.get(1)).as("no field for what was absent").isEqualTo(entries.get(1));
        assertThat(back.get(2)).isEqualTo(entries.get(2));
    }

    @Test
    void noRecipientsIsTheEmptyStringAndAFormerLayoutsListStillReads() {
        Document none = new Document("_id", "D");
        Recipients.write(none, List.of());
        assertThat(none.get("recipients")).isEqualTo("");
        assertThat(Recipients.read(none)).isEmpty();
        assertThat(Recipients.read(new Document("_id", "E"))).isEmpty();

        Document former = new Document("_id", "F").append("recipients",
                List.of(new Document("body", "X").append("role", "ACTION")));
        assertThat(Recipients.read(former)).containsExactly(new Document("body", "X").append("role", "ACTION"));
    }

    @Test
    void itemsOfEveryLevelAreEscapedSoThatSplittingGivesThemBack() {
        List<String> nasty = List.of("/II.1", "a\u001Eb", "\u001B", "\u001B\u001F", "\u001D", "", "x\u001B");
        for (char sep : new char[]{Packed.ITEM, Packed.FIELD, Packed.SUB}) {
            String packed = Packed.join(nasty, sep);
            assertThat(Packed.split(packed, sep)).isEqualTo(nasty);
            assertThat(Packed.count(packed, sep)).isEqualTo(nasty.size());
        }
        assertThat(Packed.split("", Packed.ITEM)).isEmpty();
        assertThat(Packed.count("", Packed.ITEM)).isZero();
    }
}
