package vn.ledger.projections.store;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.shared.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A stored form writes a value and reads it back, in its layout and in the previous one")
class StoredFormTest {

    record Point(String name, long x, Instant at) {
        static final StoredForm<Point> PACKED = StoredForm.packed((w, p) -> w.add(p.name()).add(p.x()).add(p.at()),
                r -> new Point(r.string(), r.lng(), r.instant()),
                d -> new Point(d.getString("name"), d.getLong("x"), ((java.util.Date) d.get("at")).toInstant()));

        static final StoredForm<Point> DOCUMENT = StoredForm.document(
                p -> new Document("name", p.name()).append("x", p.x()).append("at", Docs.date(p.at())),
                d -> new Point(d.getString("name"), Docs.num(d, "x"), Docs.instant(d.get("at"))), PACKED::read);
    }

    private static final Point P = new Point("Sính\u001FBình", 42, Instant.ofEpochMilli(1_700_000_000_123L));

    @Test
    void a_packed_value_is_one_string_and_reads_back() {
        Object stored = Point.PACKED.write(P);

        assertThat(stored).isInstanceOf(String.class);
        assertThat(Point.PACKED.read(stored)).isEqualTo(P);
    }

    @Test
    void a_packed_form_reads_the_sub_document_of_the_previous_layout() {
        Document previous = new Document("name", P.name()).append("x", 42L).append("at", Docs.date(P.at()));

        assertThat(Point.PACKED.read(previous)).isEqualTo(P);
    }

    @Test
    void a_document_form_has_named_fields_and_reads_the_packed_string_of_the_previous_layout() {
        Document stored = Point.DOCUMENT.document(P);

        assertThat(stored.keySet()).containsExactly("name", "x", "at");
        assertThat(Point.DOCUMENT.read(stored)).isEqualTo(P);
        assertThat(Point.DOCUMENT.read(Point.PACKED.write(P))).isEqualTo(P);
    }

    @Test
    void null_is_stored_as_null_and_anything_else_is_refused() {
        assertThat(Point.PACKED.write(null)).isNull();
        assertThat(Point.PACKED.read(null)).isNull();
        assertThatThrownBy(() -> Point.PACKED.read(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredForm.document(Function.identity(), d -> d, null).read("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lists_are_stored_item_by_item() {
        List<Object> stored = Point.DOCUMENT.writeAll(List.of(P, P));

        assertThat(stored).hasSize(2).allMatch(Document.class::isInstance);
        assertThat(Point.DOCUMENT.readAll(stored)).containsExactly(P, P);
        assertThat(Point.DOCUMENT.readAll(null)).isEmpty();
    }

    @Test
    void a_list_of_strings_is_one_string_and_an_array_of_the_previous_layout_reads_too() {
        List<String> items = java.util.Arrays.asList("a", "", null, "\u001F\u001B");

        assertThat(StoredForm.STRINGS.write(items)).isInstanceOf(String.class);
        assertThat(StoredForm.STRINGS.read(StoredForm.STRINGS.write(items))).isEqualTo(items);
        assertThat(StoredForm.STRINGS.read(List.of("x", "y"))).containsExactly("x", "y");
    }

    @Test
    void the_shared_values_of_events_have_their_forms() {
        Actor actor = new Actor("tuc", "Phạm Gia Túc", "Trưởng ban", "CQTT-BCDTW");
        Deadline due = new Deadline("trước ngày 30/10/2025", DeadlineKind.BEFORE_DATE,
                Instant.parse("2025-10-29T17:00:00Z"), LocalDate.of(2025, 10, 30), null);
        Person person = new Person("Lê Thành Đô", null);

        assertThat(SharedValues.ACTOR.read(SharedValues.ACTOR.write(actor))).isEqualTo(actor);
        assertThat(SharedValues.DEADLINE.read(SharedValues.DEADLINE.write(due))).isEqualTo(due);
        assertThat(SharedValues.PERSON.read(SharedValues.PERSON.write(person))).isEqualTo(person);
        assertThat(SharedValues.ACTOR.read(new Document("username", "tuc").append("fullName", "Phạm Gia Túc")
                .append("position", "Trưởng ban").append("body", "CQTT-BCDTW"))).isEqualTo(actor);
        assertThat(SharedValues.ATTACHMENT.readAll(SharedValues.ATTACHMENT.writeAll(List.of(new Attachment("a", "b")))))
                .containsExactly(new Attachment("a", "b"));
    }

    @Test
    void a_models_forms_decode_its_stored_documents_for_an_operator() {
        StoredForms forms = StoredForms.forms().field("by", SharedValues.ACTOR).document("points", Point.DOCUMENT);
        Actor actor = new Actor("tuc", "Phạm Gia Túc", null, "CQTT-BCDTW");
        Document stored = new Document("_id", "t1").append("items", List.of(new Document("by",
                SharedValues.ACTOR.write(actor)))).append("odd", Tuple.writer().add("x").add(1).toString());

        StoredForms.Decoded d = forms.decode("tasks", stored);

        assertThat(d.decodedPaths()).containsExactly("items[].by");
        assertThat(d.unnamedPaths()).containsExactly("odd");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) d.document();
        assertThat(doc.get("items")).isEqualTo(List.of(Map.of("by", actor)));
        assertThat(doc.get("odd")).isEqualTo(Map.of("tupleFields", List.of("x", "1")));
        assertThat(forms.decode("points", Point.DOCUMENT.document(P)).document()).isEqualTo(P);
    }
}
