package vn.ledger.projections.store;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Docs")
class DocsTest {

    @Test
    void aDayReadsAsTheFormatterReadsIt() {
        for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2031, 1, 10)); d = d.plusDays(1)) {
            assertThat(Docs.day(d.toString())).isEqualTo(d);
        }
        assertThat(Docs.day("0000-01-01")).isEqualTo(LocalDate.parse("0000-01-01"));
        assertThat(Docs.day("+12026-03-20")).as("other forms go to the formatter").isEqualTo(
                LocalDate.parse("+12026-03-20"));
        for (String bad : List.of("2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                "2026-1-010", "20a6-01-01", "2026/01/01", "")) {
            assertThatThrownBy(() -> Docs.day(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(Docs.date(new Document("on", "2028-02-29"), "on")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Docs.date(new Document(), "on")).isNull();
    }

    @Test
    void aMutableListIsTheDocumentsOwnAndAnImmutableOneIsReplacedByACopy() {
        Document d = new Document("fixed", List.of("a")).append("open", new ArrayList<>(List.of("b")));

        Docs.<String>mutableList(d, "fixed").add("x");
        Docs.<String>mutableList(d, "open").add("y");
        Docs.<String>mutableList(d, "absent").add("z");

        assertThat(d.getList("fixed", String.class)).containsExactly("a", "x");
        assertThat(d.getList("open", String.class)).containsExactly("b", "y");
        assertThat(d.getList("absent", String.class)).containsExactly("z");
        assertThat(Docs.stringsView(d, "open")).isSameAs(d.get("open"));
        assertThat(Docs.stringsView(d, "none")).isEmpty();
    }
}
