package vn.ledger.projections.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A tuple reads back to exactly the values it was made from")
class TupleTest {

    private static final String SEPARATORS = "a\u001Fb\u001Bc\u0000d\u001B";

    @Test
    void nullsEmptyStringsAndSeparatorsInsideValuesSurvive() {
        List<String> values = Arrays.asList(null, "", "\u0000", "\u001B", "\u001F", SEPARATORS, "Triển khai", null,
                "\u001F\u001Bđầu", "cuối\u0000\u0000",
                Tuple.writer().add("Sính Bình").add((String) null).add(SEPARATORS).toString());
        Tuple.Writer w = Tuple.writer();
        values.forEach(w::add);

        Tuple.Reader r = Tuple.reader(w.toString());
        List<String> back = new ArrayList<>();
        while (r.hasNext()) {
            back.add(r.string());
        }
        assertThat(back).isEqualTo(values);
    }

    @Test
    void numbersInstantsAndListsInPlaceReadBack() {
        Instant at = Instant.parse("2026-04-02T03:04:05.678Z");
        String packed = Tuple.writer().add(42L).add((Long) null).add(at).add((Instant) null)
                .addAll(List.of("BTC", "", SEPARATORS)).add("u\u001F1").add((String) null).addAll(List.of())
                .add(-7L).toString();

        Tuple.Reader r = Tuple.reader(packed);
        assertThat(r.lng()).isEqualTo(42L);
        assertThat(r.lngOrNull()).isNull();
        assertThat(r.instant()).isEqualTo(at);
        assertThat(r.instant()).isNull();
        assertThat(r.strings()).containsExactly("BTC", "", SEPARATORS);
        assertThat(r.string()).isEqualTo("u\u001F1");
        assertThat(r.string()).isNull();
        assertThat(r.strings(new java.util.TreeSet<>())).isEmpty();
        assertThat(r.lngOrNull()).isEqualTo(-7L);
        assertThat(r.hasNext()).isFalse();
        assertThatThrownBy(r::string).isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(Tuple.first(packed)).isEqualTo("42");
    }

    @Test
    void aTupleOfOneEmptyStringIsNotATupleOfNull() {
        assertThat(Tuple.reader(Tuple.writer().add("").toString()).string()).isEmpty();
        assertThat(Tuple.reader(Tuple.writer().add((String) null).toString()).string()).isNull();
    }
}
