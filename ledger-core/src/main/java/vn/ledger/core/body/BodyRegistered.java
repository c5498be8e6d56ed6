package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record BodyRegistered(String code, String name, String parentCode, BodyLevel level, LocalDate effectiveDate,
                             Actor actor) implements BodyEvent {
}
