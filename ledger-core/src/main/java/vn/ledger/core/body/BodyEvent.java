package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/**
 * Events of the Body aggregate; their names are stored forever. Each carries the actor and the business date
 * on which the change takes effect, which may differ from the day it was recorded.
 */
public sealed interface BodyEvent permits BodyRegistered, BodyRenamed, BodyClosed, BodyMerged {

    String code();

    LocalDate effectiveDate();

    Actor actor();
}
