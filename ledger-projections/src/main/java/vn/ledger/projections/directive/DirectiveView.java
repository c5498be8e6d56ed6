package vn.ledger.projections.directive;

import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.Timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A directive's state at an instant: its metadata (corrections applied), recipients with receipt, orientations,
 * its tasks with their current timeliness, the directives it implements and those that implement it, and its
 * status.
 *
 * @param taskCounts   number of tasks per timeliness (tasks whose state is not known yet are not counted)
 * @param implementedBy      the first directives implementing this one (all of them up to 50; the complete list
 *                           from {@link DirectiveQueries#implementedBy})
 * @param implementedByCount how many directives implement this one
 * @param ruleVersion  version of the timeliness rule behind {@code tasks[].timeliness}
 * @param version      last applied sequence number of the directive's own stream
 */
public record DirectiveView(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                            Signer signer, LocalDate issuedOn, String subject, List<Alias> aliases,
                            List<Correction> corrections, List<Recipient> recipients, long recipientCount,
                            long receivedCount, List<String> orientations, List<TaskLine> tasks,
                            Map<Timeliness, Integer> taskCounts, List<CitationLink> implementsDirectives,
                            List<ImplementerLink> implementedBy, long implementedByCount, DirectiveStatus status, Recall recall,
                            Replacement replacement, List<String> replaces, Actor issuedBy, Instant recordedAt,
                            String ruleVersion, long version) {

    /** @param role null when a body not listed as a recipient acknowledged receipt */
    public record Recipient(String bodyCode, DirectiveProjection.Role role, LocalDate receivedOn, Actor receivedBy,
                            Instant recordedAt) {

        public boolean received() {
            return receivedOn != null;
        }
    }

    public record Alias(String alias, LocalDate registeredOn, Actor by, Instant recordedAt) {
    }

    public record Correction(String field, String oldValue, String newValue, String reason, LocalDate correctedOn,
                             Actor by, Instant recordedAt) {
    }

    /**
     * A task of the directive with its standing at the instant asked. {@code timeliness} is null (and the other
     * facts too) when the task's own events have not been projected yet.
     */
    public record TaskLine(String taskId, String code, String work, List<String> leadBodies,
                           List<String> cooperatingBodies, Deadline deadlineInForce, TaskProjection.Status status,
                           Timeliness timeliness, Integer lastPercent, List<Ro> missing, List<String> childTaskIds) {
    }

    /** A directive this one implements: the citation as written, the id it resolves to, that document's symbol. */
    public record CitationLink(String asWritten, String directiveId, String currentSymbol) {
    }

    /** A directive that implements this one, with the citation it used. */
    public record ImplementerLink(String directiveId, String symbol, String issuingBodyCode, LocalDate issuedOn,
                                  String citedAs) {
    }

    public record Recall(String reason, LocalDate recalledOn, Actor by, Instant recordedAt) {
    }

    public record Replacement(String replacementDirectiveId, String reason, LocalDate replacedOn, Actor by,
                              Instant recordedAt) {
    }
}
