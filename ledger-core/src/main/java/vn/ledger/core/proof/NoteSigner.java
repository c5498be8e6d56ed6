package vn.ledger.core.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An Ed25519 signed-note signer. Its key is written as Go's {@code note.NewSigner} reads it:
 * {@code PRIVATE+KEY+name+keyid+base64(0x01 ‖ 32-byte seed)}. That string is the secret; keep it out of logs.
 */
public final class NoteSigner {

    private final byte[] seed;
    private final PrivateKey key;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        if (seed.length != NoteKeys.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.seed = seed.clone();
        this.key = NoteKeys.privateKey(seed);
        this.verifier = new NoteVerifier(name, NoteKeys.publicKeyOfSeed(seed));
    }

    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    /** A new key from the system's strong random source. */
    public static NoteSigner generate(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom());
            EdECPrivateKey privateKey = (EdECPrivateKey) generator.generateKeyPair().getPrivate();
            return new NoteSigner(name, privateKey.getBytes().orElseThrow());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an Ed25519 key", e);
        }
    }

    /** Reads a signer key string; refuses a wrong key id, algorithm or length. */
    public static NoteSigner parse(String signerKey) {
        String[] parts = signerKey.split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")
                || !parts[3].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a signer key (PRIVATE+KEY+name+keyid+key)");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signer key's key is not base64");
        }
        if (typed.length != 1 + NoteKeys.KEY_SIZE || typed[0] != NoteKeys.ALG_ED25519) {
            throw new IllegalArgumentException("not an Ed25519 signer key");
        }
        NoteSigner signer = new NoteSigner(parts[2], Arrays.copyOfRange(typed, 1, typed.length));
        if (signer.verifier.keyId() != Integer.parseUnsignedInt(parts[3], 16)) {
            throw new IllegalArgumentException("the key id of signer key " + parts[2] + " does not match its key");
        }
        return signer;
    }

    public String signerKey() {
        byte[] typed = ByteBuffer.allocate(1 + NoteKeys.KEY_SIZE).put(NoteKeys.ALG_ED25519).put(seed).array();
        return "PRIVATE+KEY+" + verifier.name() + "+" + String.format("%08x", verifier.keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    public String name() {
        return verifier.name();
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    public byte[] sign(byte[] message) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(message);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** The text signed by this key alone. */
    public SignedNote sign(String text) {
        SignedNote.checkText(text);
        byte[] signature = sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Signature(name(), verifier.keyId(), signature)));
    }

    /** Adds this key's signature to a note signed by others (a cosignature). */
    public SignedNote cosign(SignedNote note) {
        List<SignedNote.Signature> signatures = new ArrayList<>();
        for (SignedNote.Signature s : note.signatures()) {
            if (!(s.name().equals(name()) && s.keyId() == verifier.keyId())) {
                signatures.add(s);
            }
        }
        signatures.addAll(sign(note.text()).signatures());
        return new SignedNote(note.text(), signatures);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.verifierKey() + "]"; // never the secret
    }
}
