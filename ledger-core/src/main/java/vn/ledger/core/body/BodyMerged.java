package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The merged body is closed from effectiveDate on, with {@code intoCode} as its successor. */
public record BodyMerged(String code, String intoCode, LocalDate effectiveDate, Actor actor) implements BodyEvent {
}
