package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record BodyClosed(String code, String reason, LocalDate effectiveDate, Actor actor) implements BodyEvent {
}
