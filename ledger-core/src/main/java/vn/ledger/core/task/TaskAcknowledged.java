package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record TaskAcknowledged(String taskId, String directiveId, String bodyCode, LocalDate acknowledgedOn,
                               Actor actor) implements TaskEvent {
}
