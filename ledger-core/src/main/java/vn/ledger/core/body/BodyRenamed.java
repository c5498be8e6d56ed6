package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record BodyRenamed(String code, String oldName, String newName, LocalDate effectiveDate,
                          Actor actor) implements BodyEvent {
}
