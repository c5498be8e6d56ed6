package vn.ledger.projections.chain;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.LogPosition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A chain node's packed values are in the one packed format; what chain layout 6 stored still reads")
class ChainFormsTest {

    private static final String D = "21fc5745-b370-3e18-b428-3827c4635e5c";

    @Test
    void recipientsReadBackWithTheFieldsTheyHadWhateverTheyContain() {
        List<Recipients.Entry> entries = List.of(
                new Recipients.Entry("UBND-TINH", "ACTION", "2026-03-05", "2026-03-06", List.of("B-1", "B\u001D2", "")),
                Recipients.Entry.of("SỞ\u001EXÂY\u001FDỰNG\u001B", "REPORT"),
                Recipients.Entry.of("MTTQ", "ACTION").actedOn(LocalDate.of(2026, 3, 29)));

        Object stored = Recipients.LIST.write(entries);

        assertThat(stored).isInstanceOf(String.class);
        List<Recipients.Entry> back = Recipients.parse((String) stored);
        assertThat(back).containsExactlyElementsOf(entries);
        assertThat(back.get(1).receivedOn()).as("nothing for what was absent").isNull();
        assertThat(back.get(2).acted()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(Recipients.parse((String) Recipients.LIST.write(List.of()))).isEmpty();
        assertThat(Recipients.parse(null)).isEmpty();
    }

    @Test
    void childrenAndCodesReadBackAndAreCountedWithoutReadingThem() {
        List<Node.Child> children = List.of(new Node.Child(D + "/II.1", new LogPosition(12, 0)),
                new Node.Child("\\odd/id\u001E", new LogPosition(1_000_000_000_000L, 3)));

        Object stored = Node.Child.LIST.write(children);

        assertThat(Node.Child.read(D, stored)).isEqualTo(children);
        assertThat(Node.Child.count(stored)).isEqualTo(2);
        assertThat(Node.Child.count(Node.Child.LIST.write(List.of()))).isZero();
        assertThat(Node.CODES.read(Node.CODES.write(List.of("BKHCN", "12", "")))).containsExactly("BKHCN", "12", "");
        assertThat(Node.CODES.read(Node.CODES.write(List.of()))).isEmpty();
    }

    /** Strings as chain layout 6 (the current main layout before this one) wrote them. */
    @Test
    void aNodeOfThePreviousLayoutDecodes() {
        Document task = new Document("_id", D + "/II.1").append("kind", Node.TASK).append("exists", true)
                .append("seq", 3L).append("parent", D).append("ancestors", List.of(D))
                .append("children", ".1\u001F1a\u001E\\.odd\u001F1b.2\u001Eother-id\u001F2s")
                .append("height", 1).append("directiveId", D).append("code", "II.1")
                .append("leads", "BKHCN\u001EBTC").append("cooperating", "")
                .append("uncoveredLeads", "BTC").append("startedBy", "");
        Document directive = new Document("_id", D).append("kind", Node.DIRECTIVE).append("exists", true)
                .append("children", "/II.1\u001F9").append("symbol", "22-TB/CQTTBCĐ")
                .append("recipients", "BKHCN\u001FACTION\u001F2026-03-05\u001F\u001FX-1\u001DX-2\u001E"
                        + "B\u001B\u001ETC\u001FREPORT\u001F\u001F\u001F");

        Node t = NodeCodec.read(task, ids -> Map.of());
        Node d = NodeCodec.read(directive, ids -> Map.of());

        assertThat(t.lazyChildren().get()).containsExactly(new Node.Child(D + "/II.1.1", new LogPosition(46, 0)),
                new Node.Child(".odd", new LogPosition(47, 2)), new Node.Child("other-id", new LogPosition(100, 0)));
        assertThat(NodeCodec.childCount(NodeCodec.read(task, ids -> Map.of()))).isEqualTo(3);
        assertThat(t.leads).containsExactly("BKHCN", "BTC");
        assertThat(t.cooperating).isEmpty();
        assertThat(t.uncoveredLeads).containsExactly("BTC");
        assertThat(d.childIds()).containsExactly(D + "/II.1");
        assertThat(d.recipients()).containsExactly(
                new Recipients.Entry("BKHCN", "ACTION", "2026-03-05", null, List.of("X-1", "X-2")),
                new Recipients.Entry("B\u001ETC", "REPORT", null, null, List.of()));

        Document rewritten = NodeCodec.write(t);
        assertThat(NodeCodec.read(rewritten, ids -> Map.of()).lazyChildren().get())
                .as("written again in this layout, the same node").isEqualTo(t.lazyChildren().get());
    }

    @Test
    void aForwardsPlaceIsTwoNumbersAndThePreviousLayoutsBase36StillReads() {
        Acts.ByBody b = new Acts.ByBody("BKHCN");
        b.forwards.add(new Acts.Forward("BKHCN", "F", LocalDate.of(2026, 3, 1), 2, new LogPosition(71, 4)));

        Document bucket = NodeCodec.writeActs(D, 5, List.of(b));

        Document forward = bucket.getList("bodies", Document.class).get(0).getList("forwards", Document.class).get(0);
        assertThat(forward.get("at")).isEqualTo(71L);
        assertThat(forward.get("atOffset")).isEqualTo(4);
        assertThat(NodeCodec.readActs(bucket).get(0).forwards).isEqualTo(b.forwards);
        forward.put("at", "1z.4");
        forward.remove("atOffset");
        assertThat(NodeCodec.readActs(bucket).get(0).forwards).isEqualTo(b.forwards);
    }

    @Test
    void aNodeShowsItsPackedValuesDecoded() {
        Document directive = new Document("_id", D).append("kind", Node.DIRECTIVE).append("exists", true)
                .append("children", Node.Child.LIST.write(List.of(new Node.Child(D + "/II.1", new LogPosition(9, 0)))))
                .append("recipients", Recipients.LIST.write(List.of(Recipients.Entry.of("BKHCN", "ACTION"))));

        Object shown = ChainProjection.FORMS.decode(ChainProjection.NODES, directive).document();

        assertThat(shown).isInstanceOf(Document.class);
        Document d = (Document) shown;
        assertThat(d.get("children")).isEqualTo(List.of(D + "/II.1"));
        assertThat(d.getList("recipients", Document.class).get(0).getString("body")).isEqualTo("BKHCN");
        assertThat(d.get("rollup")).isInstanceOf(Document.class);
    }
}
