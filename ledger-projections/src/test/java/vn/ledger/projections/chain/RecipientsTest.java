package vn.ledger.projections.chain;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A directive node's recipients, packed in one string")
class RecipientsTest {

    @Test
    void everyEntryReadsBackWithTheFieldsItHadWhateverTheyContain() {
        List<Recipients.Entry> entries = List.of(
                new Recipients.Entry("UBND-TINH", "ACTION", "2026-03-05", "2026-03-06", List.of("B-1", "B\u001D2", "")),
                Recipients.Entry.of("SỞ\u001EXÂY\u001FDỰNG\u001B", "REPORT"),
                Recipients.Entry.of("MTTQ", "ACTION").actedOn(LocalDate.of(2026, 3, 29)));
        Document node = new Document("_id", "D");

        Recipients.write(node, entries);

        assertThat(node.get("recipients")).isInstanceOf(String.class);
        List<Recipients.Entry> back = Recipients.entries(node);
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(entries.get(0));
        assertThat(back.get(1)).as("nothing for what was absent").isEqualTo(entries.get(1));
        assertThat(back.get(1).receivedOn()).isNull();
        assertThat(back.get(2)).isEqualTo(entries.get(2));
        assertThat(back.get(2).acted()).isEqualTo(LocalDate.of(2026, 3, 29));
    }

    @Test
    void noRecipientsIsTheEmptyStringAndAFormerLayoutsListStillReads() {
        Document none = new Document("_id", "D");
        Recipients.write(none, List.of());
        assertThat(none.get("recipients")).isEqualTo("");
        assertThat(Recipients.entries(none)).isEmpty();
        assertThat(Recipients.entries(new Document("_id", "E"))).isEmpty();

        Document former = new Document("_id", "F").append("recipients",
                List.of(new Document("body", "X").append("role", "ACTION")));
        assertThat(Recipients.entries(former)).containsExactly(Recipients.Entry.of("X", "ACTION"));
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
