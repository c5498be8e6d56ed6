package vn.ledger.core.group;

import vn.ledger.core.body.BodyLevel;

import java.time.LocalDate;

/**
 * What a group's expansion needs to know of one registered body.
 *
 * @param registeredOn business date of its registration
 * @param closedOn     business date from which it is closed or merged; null while open
 */
public record RosterEntry(String code, String parentCode, BodyLevel level, LocalDate registeredOn,
                          LocalDate closedOn) {

    /** Registered on or before the day and not closed or merged by then. */
    public boolean existsOn(LocalDate day) {
        return registeredOn != null && !registeredOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }
}
