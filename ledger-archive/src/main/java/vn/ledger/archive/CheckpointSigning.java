package vn.ledger.archive;

import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.core.proof.SignedNote;

/**
 * Signs the checkpoint a bundle is tied to. The service passes its log key (and may keep the checkpoint with the
 * ones it signs on its schedule); a bundle's proofs hang on exactly this tree size and root.
 */
public interface CheckpointSigning {

    String origin();

    SignedNote sign(Checkpoint checkpoint);

    /** The public key a reader verifies with: {@code name+keyid+base64}. */
    String verifierKey();

    static CheckpointSigning with(NoteSigner signer, String origin) {
        return new CheckpointSigning() {
            public String origin() {
                return origin;
            }

            public SignedNote sign(Checkpoint checkpoint) {
                return signer.sign(checkpoint.text());
            }

            public String verifierKey() {
                return signer.verifier().verifierKey();
            }
        };
    }
}
