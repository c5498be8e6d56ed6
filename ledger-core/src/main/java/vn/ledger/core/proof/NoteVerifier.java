package vn.ledger.core.proof;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * An Ed25519 signed-note verifier key, written {@code name+keyid+base64(0x01 ‖ public key)} (key id as 8 lower-case
 * hex digits), as Go's {@code note.NewVerifier} reads it. Checks the signatures of a {@link SignedNote}.
 */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    NoteVerifier(String name, byte[] publicKey) {
        if (!NoteKeys.isValidName(name)) {
            throw new IllegalArgumentException("not a key name: " + name);
        }
        if (publicKey.length != NoteKeys.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = NoteKeys.keyId(name, publicKey);
        this.key = NoteKeys.publicKey(publicKey);
    }

    /** Reads a verifier key string; refuses a wrong key id, algorithm or length. */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a verifier key (name+keyid+key): " + verifierKey);
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key's key is not base64", e);
        }
        if (typed.length != 1 + NoteKeys.KEY_SIZE || typed[0] != NoteKeys.ALG_ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (verifier.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the key id of " + parts[0] + " does not match its key");
        }
        if (!verifier.verifierKey().equals(verifierKey)) {
            throw new IllegalArgumentException("not a canonical verifier key: " + verifierKey);
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String verifierKey() {
        byte[] typed = ByteBuffer.allocate(1 + NoteKeys.KEY_SIZE).put(NoteKeys.ALG_ED25519).put(publicKey).array();
        return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether the message is signed by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(message);
            return ed.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The note's signature by this key (same name and key id), if there is one and it verifies. */
    public Optional<SignedNote.Signature> signatureOn(SignedNote note) {
        for (SignedNote.Signature s : note.signatures()) {
            if (s.name().equals(name) && s.keyId() == keyId && verify(note.message(), s.signature())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean verifies(SignedNote note) {
        return signatureOn(note).isPresent();
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
