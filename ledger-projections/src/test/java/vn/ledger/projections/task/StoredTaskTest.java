package vn.ledger.projections.task;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.SharedValues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.MOST_OFFICER;
import static vn.ledger.projections.fixture.Seed.PHAM_GIA_TUC;

@DisplayName("A stored task is a record its own events change, without a store")
class StoredTaskTest {

    private static final Instant T0 = Instant.parse("2026-03-20T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-04-02T08:00:00Z");
    private static final LocalDate APRIL_2 = LocalDate.of(2026, 4, 2);

    private static TaskAssigned firstTaskOfA() {
        DirectiveIssued a = Seed.issuedA();
        return Seed.tasksAssigned(a).get(0);
    }

    private static StoredTask assigned() {
        TaskAssigned e = firstTaskOfA();
        return StoredTask.none(e.taskId()).apply(e, 0, T0);
    }

    private static ProgressReported report(String text, YearMonth period, LocalDate on) {
        TaskAssigned e = firstTaskOfA();
        return new ProgressReported(e.taskId(), e.directiveId(), BKHCN, text, 40, period, on, List.of(), MOST_OFFICER);
    }

    @Test
    void givenAnAssignedTask_whenAcknowledgedAndReported_thenCountedByPeriodWithTheEarliestDate() {
        TaskAssigned e = firstTaskOfA();
        YearMonth march = YearMonth.of(2026, 3);

        StoredTask t = assigned()
                .apply(new TaskAcknowledged(e.taskId(), e.directiveId(), BKHCN, APRIL_2, MOST_OFFICER), 1, T1)
                .apply(report("tháng 3", march, APRIL_2), 2, T1)
                .apply(report("bổ sung", march, APRIL_2.minusDays(5)), 3, T1);

        assertThat(t.status()).isEqualTo(TaskProjection.Status.OPEN);
        assertThat(t.lead()).isEqualTo(e.leadBodies());
        assertThat(t.acks()).containsExactly(new TaskView.Acknowledgement(BKHCN, APRIL_2, MOST_OFFICER, T1));
        assertThat(t.reportCount()).isEqualTo(2);
        assertThat(t.lastPercent()).isEqualTo(40);
        assertThat(t.periods()).containsExactly(new StoredTask.Period("2026-03", 2, "2026-03-28"));
        assertThat(TaskView.Report.FORM.readAll(t.reports())).extracting(TaskView.Report::text)
                .containsExactly("tháng 3", "bổ sung");
        assertThat(t.hasSeen(3)).isTrue();
    }

    @Test
    void givenACompletion_whenRejected_thenTheTaskIsOpenAgainAndTheCompletionKeepsItsDueDate() {
        TaskAssigned e = firstTaskOfA();

        StoredTask t = assigned()
                .apply(new TaskCompleted(e.taskId(), e.directiveId(), "xong", List.of(), APRIL_2, MOST_OFFICER), 1, T1)
                .apply(new CompletionRejected(e.taskId(), e.directiveId(), "thiếu", APRIL_2, PHAM_GIA_TUC), 2, T1);

        assertThat(t.status()).isEqualTo(TaskProjection.Status.OPEN);
        assertThat(t.completions()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo("REJECTED");
            assertThat(c.dueAtInForce()).isEqualTo(e.deadline() == null ? null : e.deadline().dueAt());
            assertThat(c.reason()).isEqualTo("thiếu");
        });
    }

    @Test
    void aFullRunOfUrgingsIsSealedAndCounted() {
        TaskAssigned e = firstTaskOfA();
        StoredTask t = assigned();
        for (int i = 1; i <= SealedItems.BUCKET; i++) {
            t = t.apply(new TaskUrged(e.taskId(), e.directiveId(), "đôn đốc " + i, APRIL_2, PHAM_GIA_TUC), i, T1);
        }

        StoredTask sealed = t.sealed("urgings");

        assertThat(t.urgings()).hasSize(SealedItems.BUCKET);
        assertThat(sealed.urgings()).isEmpty();
        assertThat(sealed.urgingsSealed()).isEqualTo(1);
        assertThat(sealed.urgeCount()).isEqualTo(SealedItems.BUCKET);
    }

    @Test
    void itsDocumentHasNamedFieldsInOneOrderAndReadsBack() {
        StoredTask t = assigned().apply(report("tháng 3", YearMonth.of(2026, 3), APRIL_2), 1, T1);

        Document d = StoredTask.FORM.document(t);

        assertThat(d.keySet()).startsWith("_id", "directiveId").contains("reports", "reportCount", "periods")
                .endsWith("seq", "updatedAt").doesNotContain("acks", "urgings", "urgeCount", "cancellation");
        assertThat(StoredTask.FORM.read(d)).isEqualTo(t);
        assertThat(StoredTask.FORM.document(StoredTask.FORM.read(d))).isEqualTo(d);
    }

    /** A document as task layout 4 stored it: names in the order its events came, some absent values as null. */
    @Test
    void aDocumentOfThePreviousLayoutDecodes() {
        TaskAssigned e = firstTaskOfA();
        Document previous = new Document("_id", e.taskId()).append("directiveId", e.directiveId())
                .append("parentTaskId", null).append("code", e.code()).append("work", e.work())
                .append("responsible", null).append("lead", List.of(BKHCN)).append("coop", List.of())
                .append("assigner", Seed.CQTT).append("product", null).append("missing", List.of("NGUOI"))
                .append("assignedOn", "2026-03-20").append("assignedBy", SharedValues.actor(PHAM_GIA_TUC))
                .append("assignedAt", Date.from(T0)).append("deadlineWritten", null).append("deadline", null)
                .append("status", "OPEN").append("seq", 1L).append("updatedAt", Date.from(T1))
                .append("acks", List.of(TaskView.Acknowledgement.FORM.write(
                        new TaskView.Acknowledgement(BKHCN, APRIL_2, MOST_OFFICER, T1))));

        StoredTask t = StoredTask.FORM.read(previous);

        assertThat(t.assignment().code()).isEqualTo(e.code());
        assertThat(t.assignment().assignedBy()).isEqualTo(PHAM_GIA_TUC);
        assertThat(t.assignment().missing()).extracting(Enum::name).containsExactly("NGUOI");
        assertThat(t.acks()).extracting(TaskView.Acknowledgement::bodyCode).containsExactly(BKHCN);
        assertThat(t.seq()).isEqualTo(1);
        TaskView v = TaskQueries.view(t, T1);
        assertThat(v.acknowledgements()).extracting(TaskView.Acknowledgement::by).containsExactly(MOST_OFFICER);
        assertThat(v.timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        assertThat(TaskQueries.view(StoredTask.FORM.read(StoredTask.FORM.document(t)), T1)).isEqualTo(v);
    }
}
