package vn.ledger.eventstore.proof;

import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.SignedNote;

import java.time.Instant;

/** A kept checkpoint: the tree size it covers, the signed note as published, when it was made. */
public record StoredCheckpoint(long size, String note, Instant at) {

    public SignedNote signed() {
        return SignedNote.parse(note);
    }

    public Checkpoint body() {
        return Checkpoint.parse(signed().text());
    }
}
