package vn.ledger.core.body;

import vn.ledger.core.shared.Actor;

/**
 * Commands on the Body aggregate (an organisation in the hierarchy, identified by its code, e.g.
 * "TU-DIENBIEN"). Business dates are nullable and default to today in Vietnam.
 */
public sealed interface BodyCommand permits RegisterBody, RenameBody, CloseBody, MergeBody {

    String code();

    Actor actor();
}
