package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** Registers a body; parentCode is null only for a root of the hierarchy. */
public record RegisterBody(String code, String name, String parentCode, BodyLevel level, LocalDate effectiveDate,
                           Actor actor) implements BodyCommand {
}
