package vn.ledger.archive.records;

import vn.ledger.archive.spill.SpilledEvent;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskReassigned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the report and the metadata say of a document and of a task, read from their aggregates' stored histories
 * (one aggregate at a time, each event read once: see {@link Steps}) and the bodies' names from theirs.
 */
public final class Facts {

    private final Histories histories;
    private final Map<String, String> bodyNames;

    /** @param bodyNames each body's name as last registered or renamed, collected while the log was read */
    public Facts(Histories histories, Map<String, String> bodyNames) {
        this.histories = histories;
        this.bodyNames = bodyNames;
    }

    /** Reads the history of a document, and its tasks' when {@code withTasks}, together. */
    public void prefetch(String documentId, boolean withTasks) {
        histories.prefetch(documentId, withTasks);
    }

    /** The prefetched document's tasks, in the order the log first shows them. */
    public List<String> tasks() {
        return histories.tasks();
    }

    /** A document and its tasks, as the report lays them out; {@code document} is null when its issue is not held. */
    public record Dossier(String id, Document document, List<Task> tasks) {
    }

    /** Reads a document with its tasks, in the order the log first shows them. */
    public Dossier dossier(String documentId) {
        prefetch(documentId, true);
        Document document = document(documentId);
        List<Task> out = new ArrayList<>();
        for (String taskId : tasks()) {
            Task task = task(taskId);
            if (task != null) {
                out.add(task);
            }
        }
        return new Dossier(documentId, document, out);
    }

    /** One recorded step: what, who (name, position, body), when recorded, the business date it states. */
    public record Happening(String type, String who, String position, String body, Instant recorded,
                            LocalDate businessDate, String detail) {
    }

    /** A document as issued, with its later corrections, aliases, receipts and end (recall, replacement). */
    public record Document(String id, DirectiveIssued issued, String symbol, String subject, List<String> aliases,
                           List<Happening> happenings, String ended) {
    }

    /** A task as assigned and as it stands, with every step of it. */
    public record Task(String id, TaskAssigned assigned, List<String> leadBodies, List<String> cooperatingBodies,
                       Deadline deadline, String status, LocalDate doneOn, List<Happening> happenings) {
        public List<Ro> missing() {
            return assigned.missing();
        }
    }

    public Document document(String directiveId) {
        DirectiveIssued issued = null;
        String symbol = null;
        String subject = null;
        String ended = null;
        List<String> aliases = new ArrayList<>();
        List<Happening> happenings = new ArrayList<>();
        for (SpilledEvent e : histories.of(directiveId)) {
            Steps.Step step = Steps.read(e);
            Object event = step.event();
            if (event instanceof DirectiveIssued i) {
                issued = i;
                symbol = i.symbol();
                subject = i.subject();
            } else if (event instanceof DirectiveCorrected c) {
                switch (c.field()) {
                    case SYMBOL -> symbol = c.newValue();
                    case SUBJECT -> subject = c.newValue();
                    default -> { }
                }
            } else if (event instanceof vn.ledger.core.directive.DirectiveAliasRegistered a) {
                aliases.add(a.alias());
            } else if (event instanceof vn.ledger.core.directive.DirectiveRecalled r) {
                ended = "Đã thu hồi (" + r.reason() + ")";
            } else if (event instanceof vn.ledger.core.directive.DirectiveReplaced r) {
                ended = "Đã được thay thế (" + r.reason() + ")";
            }
            happenings.add(step.happening());
        }
        return issued == null ? null : new Document(directiveId, issued, symbol, subject, aliases, happenings, ended);
    }

    public Task task(String taskId) {
        TaskAssigned assigned = null;
        List<String> lead = List.of();
        List<String> coop = List.of();
        Deadline deadline = null;
        String status = "Đã giao";
        LocalDate doneOn = null;
        List<Happening> happenings = new ArrayList<>();
        for (SpilledEvent e : histories.of(taskId)) {
            Steps.Step step = Steps.read(e);
            Object event = step.event();
            if (event instanceof TaskAssigned a) {
                assigned = a;
                lead = a.leadBodies();
                coop = a.cooperatingBodies();
                deadline = a.deadline();
            } else if (event instanceof TaskReassigned r) {
                lead = r.newLeadBodies();
                coop = r.newCooperatingBodies();
            } else if (event instanceof ExtensionGranted g) {
                deadline = g.newDeadline();
            } else if (event instanceof vn.ledger.core.task.TaskAcknowledged) {
                status = status.equals("Đã giao") ? "Đã tiếp nhận" : status;
            } else if (event instanceof vn.ledger.core.task.ProgressReported) {
                status = "Đang thực hiện";
            } else if (event instanceof TaskCompleted c) {
                status = "Đã hoàn thành, chờ nghiệm thu";
                doneOn = c.completedOn();
            } else if (event instanceof CompletionAccepted) {
                status = "Đã hoàn thành, được chấp nhận";
            } else if (event instanceof CompletionRejected) {
                status = "Kết quả bị trả lại, đang thực hiện";
                doneOn = null;
            } else if (event instanceof TaskCancelled) {
                status = "Đã hủy";
            } else if (event instanceof vn.ledger.core.task.TaskDelegated) {
                status = status.equals("Đã giao") || status.equals("Đã tiếp nhận") ? "Đã giao tiếp cấp dưới" : status;
            }
            happenings.add(step.happening());
        }
        return assigned == null ? null
                : new Task(taskId, assigned, lead, coop, deadline, status, doneOn, happenings);
    }

    /** A body's name as last registered or renamed; its code when the ledger has no such body. */
    public String bodyName(String code) {
        return code == null ? null : bodyNames.getOrDefault(code, code);
    }

    public List<String> bodyNames(List<String> codes) {
        List<String> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            out.add(bodyName(code));
        }
        return out;
    }
}
